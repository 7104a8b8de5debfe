import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { agreeOnOneClause } from './support/agreement';
import { bothCoordinators, joinAs, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * axe-core on the main screens, in English, Chinese and Arabic (right to left): sign-in and
 * password reset, the account page, the partnership home, the agreement (with its prompts,
 * comments and versions open), the inbox, and the agreement once signing has started. Any violation, of any impact, fails.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

async function expectNoViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  expect
    .soft(found, `${screen} (${await page.evaluate(() => document.documentElement.lang)})`)
    .toEqual([]);
}

test('the sign-in screen has no violations in English, Chinese and Arabic', async ({ browser }) => {
  for (const locale of ['en-US', 'zh-CN', 'ar']) {
    const context = await browser.newContext({ locale, baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('form')).toBeVisible();
    await expectNoViolations(page, 'sign-in');
    await context.close();
  }
});

test('the password-reset pages and the account page have no violations in three languages', async ({
  browser,
}) => {
  const languages = { 'en-US': 'en', 'zh-CN': 'zh-Hans', ar: 'ar' } as const;
  for (const [locale, language] of Object.entries(languages)) {
    const context = await browser.newContext({ locale, baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/reset');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page, 'reset request (email off)');
    await page.goto(`/reset/${'x'.repeat(43)}`);
    await expect(page.locator('form')).toBeVisible();
    await expectNoViolations(page, 'new password');
    await context.close();
    const person = await personContext(browser, server.url, 'Sam Account', locale, language);
    const account = await person.newPage();
    await account.goto('/account');
    await expect(account.locator('.device-list li')).toHaveCount(1);
    await expectNoViolations(account, 'account and devices');
    await person.close();
  }
});

test('the home, agreement, comments, versions and signing have no violations', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const contextR = await personContext(browser, server.url, 'ليلى حداد', 'ar', 'ar');
  await joinAs(contextA, contextR, id, 'A', 'teacher');
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  const r = await contextR.newPage();
  const pages = [a, b, r];

  // A thread, so the comments have something to show.
  await a.goto(`/p/${id}/agreement`);
  const english = a.getByRole('textbox', { name: 'Purpose of the partnership, English version' });
  await english.click();
  await a.keyboard.type('Students visit for two weeks.');
  await a.keyboard.press('Shift+Home');
  const purpose = a.locator('#clause-purpose');
  await purpose.getByRole('button', { name: 'Comment on selection' }).first().click();
  await purpose.getByLabel('Your comment').fill('Is two weeks right for both schools?');
  await purpose.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(purpose.locator('.thread')).toHaveCount(1);

  for (const page of pages) {
    await page.goto(`/p/${id}`);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoViolations(page, 'home');

    await page.goto(`/p/${id}/agreement`);
    await expect(page.locator('li.clause')).toHaveCount(12);
    await expect(page.locator('#clause-purpose .thread')).toHaveCount(1);
    await page.locator('#prompts > summary').click();
    await expectNoViolations(page, 'agreement, prompts and comments');

    await page.locator('.draft-bar ~ .toolbar button[aria-expanded]').click();
    await expect(page.locator('.versions')).toBeVisible();
    await expectNoViolations(page, 'versions');

    await page.goto(`/p/${id}/inbox`);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoViolations(page, 'inbox');
  }

  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  await agreeOnOneClause(a, b);
  await a.getByRole('button', { name: 'Start signing' }).click();
  await a.getByRole('button', { name: 'Freeze and start signing' }).click();
  for (const page of pages) {
    await page.goto(`/p/${id}/agreement`);
    await expect(page.locator('.signing')).toBeVisible();
    await expectNoViolations(page, 'signing');
  }
});

test('the itinerary, its sheet and the comparison have no violations, host and visitor', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a: coordinatorA, b: coordinatorB, id } = await bothCoordinators(browser, server.url);
  const people = [
    ['Pat Miller', 'en-US', 'en', 'A', coordinatorA],
    ['张丽', 'zh-CN', 'zh-Hans', 'B', coordinatorB],
    ['ليلى حداد', 'ar', 'ar', 'A', coordinatorA],
  ] as const;
  const pages: Page[] = [];
  for (const [name, locale, language, side, coordinator] of people) {
    const context = await personContext(browser, server.url, name, locale, language);
    await joinAs(coordinator, context, id, side, 'host-parent');
    pages.push(await context.newPage());
  }
  const [host, visitor] = pages;
  if (!host || !visitor) throw new Error('no pages');
  await host.goto(`/p/${id}/itinerary/A`);
  const day = host.locator('section.day').first();
  await day.getByRole('button', { name: /^Add to / }).click();
  await day.getByLabel('New item title').fill('Baseball game');
  await day.getByLabel('Start time (optional)').fill('09:00');
  await day.getByRole('button', { name: 'Add', exact: true }).click();
  await visitor.goto(`/p/${id}/itinerary/A`);
  const dayB = visitor.locator('section.day').first();
  await dayB.getByRole('button', { name: /建议一项活动$/ }).click();
  await dayB.getByLabel('新项目标题').fill('包饺子');
  await dayB.getByRole('button', { name: '建议', exact: true }).click();
  await expect(day.locator('li.item-row')).toHaveCount(2);

  for (const page of pages) {
    await page.goto(`/p/${id}/itinerary/A`);
    await expect(page.locator('section.day').first().locator('li.item-row')).toHaveCount(2);
    await expectNoViolations(page, 'itinerary');
    await page.locator('section.day').first().locator('.item-open').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, 'item sheet');
    await page.keyboard.press('Escape');
    await page.goto(`/p/${id}/itineraries`);
    await expect(page.locator('.compare-days')).toBeVisible();
    await expectNoViolations(page, 'comparison');
  }
});
