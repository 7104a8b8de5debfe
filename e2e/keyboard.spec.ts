import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { press, pick, tabTo, typeInto } from './support/keyboard';
import { bothCoordinators, joinAs, personContext, SCHOOL_A, SCHOOL_B } from './support/people';
import { TestServer } from './support/server';

/**
 * The main stories again, driven by the keyboard alone: every control is reached with Tab (see
 * tabTo) and used with Enter, Space, arrows and typing; nothing is clicked.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('a coordinator signs up, sets up the partnership and invites the partner by keyboard', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL: server.url });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await press(page, page.getByRole('button', { name: 'New here? Create an account' }));
  await typeInto(page, page.getByLabel('Your name'), 'Ana Alvarez');
  await typeInto(page, page.getByLabel('Email'), `ana-${Date.now()}@lincoln.example`);
  await typeInto(page, page.getByLabel('Password'), 'our partnership 2027');
  await page.keyboard.press('Enter');
  await expect(page.getByText('You are not in a partnership yet.')).toBeVisible();

  await press(page, page.getByRole('button', { name: 'New partnership' }));
  for (const [legend, school, zone, language] of [
    ['Your school', SCHOOL_A, 'Los Angeles', 'English'],
    ['Partner school', SCHOOL_B, 'Shanghai', 'Simplified Chinese'],
  ] as const) {
    const group = page.getByRole('group', { name: legend });
    await typeInto(page, group.getByLabel('School name'), school.name);
    await typeInto(page, group.getByLabel('City'), school.city);
    await typeInto(page, group.getByLabel('Country'), school.country);
    await pick(page, group.getByRole('combobox', { name: 'Time zone' }), zone);
    await pick(page, group.getByRole('combobox', { name: 'Language of the school' }), language);
  }
  await press(page, page.getByRole('button', { name: 'Create partnership' }));
  await expect(
    page.getByRole('heading', { name: 'Lincoln High School and 杭州第二中学' }),
  ).toBeVisible();

  // The next step leads to the invitations; the link is made and copied by keyboard.
  await press(page, page.getByRole('link', { name: /Invite the partner school/ }));
  const school = page.getByLabel('School', { exact: true });
  await tabTo(page, school);
  if ((await school.inputValue()) !== 'B') await page.keyboard.press('ArrowDown');
  await expect(school).toHaveValue('B');
  await press(page, page.getByRole('button', { name: 'Create invitation link' }));
  await press(page, page.getByRole('button', { name: /Copy the invitation link/ }));
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/invite\/[\w-]{40,}$/,
  );
});

async function leaderPage(
  browser: Browser,
  coordinator: BrowserContext,
  id: string,
  side: 'A' | 'B',
) {
  const [name, locale, language] =
    side === 'A' ? ['Pat Principal', 'en-US', 'en'] : ['刘校长', 'zh-CN', 'zh-Hans'];
  const context = await personContext(browser, server.url, name, locale, language);
  await joinAs(coordinator, context, id, side, 'leader');
  const page = await context.newPage();
  await page.goto(`/p/${id}/agreement`);
  return page;
}

/** Focus the editor of a clause's version and type at its end. */
async function write(page: Page, name: string, text: string) {
  await typeInto(page, page.getByRole('textbox', { name }), text);
}

test('two schools write, discuss, agree and sign the agreement by keyboard', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);

  // Only the first clause stays: each of the others is removed through its menu.
  const rows = a.locator('li.clause');
  await expect(rows).toHaveCount(12);
  for (let left = 11; left > 0; left--) {
    await press(a, rows.nth(1).getByRole('button', { name: 'Actions for clause 2', exact: true }));
    await expect(a.getByRole('menuitem', { name: 'Move up' })).toBeFocused();
    await a.keyboard.press('End');
    await expect(a.getByRole('menuitem', { name: 'Remove' })).toBeFocused();
    await a.keyboard.press('Enter');
    await expect(rows).toHaveCount(left);
    // Focus moves to Undo, the next thing someone who removed by mistake wants.
    await expect(a.getByRole('button', { name: 'Undo' })).toBeFocused();
  }

  // The outline takes the keyboard to the clause; each school writes its version.
  await press(a, a.getByRole('link', { name: /^1\. Purpose of the partnership/ }));
  await expect(a.locator('#clause-title-purpose')).toBeFocused();
  await write(a, 'Purpose of the partnership, English version', 'Our two schools learn together.');
  await write(b, '合作目的，简体中文版本', '我们两所学校一起学习。');

  // A comment on a selection, and a reply from the other school.
  await a.keyboard.press('Shift+Home');
  const purposeA = a.locator('#clause-purpose');
  await press(a, purposeA.getByRole('button', { name: 'Comment on selection' }).first());
  await expect(purposeA.getByLabel('Your comment')).toBeFocused();
  await a.keyboard.type('Does this include teachers?');
  await press(a, purposeA.getByRole('button', { name: 'Comment', exact: true }));
  const threadB = b.locator('#clause-purpose .thread');
  await expect(threadB.locator('.comment-body')).toHaveText('Does this include teachers?');
  await typeInto(b, threadB.getByLabel('回复'), '是的，也包括教师。');
  await press(b, threadB.getByRole('button', { name: '回复', exact: true }));
  await expect(a.locator('#clause-purpose .thread .comment-body').nth(1)).toHaveText(
    '是的，也包括教师。',
  );

  // Aligned and approved by both schools, then signing starts.
  await press(a, a.getByRole('button', { name: 'Mark aligned' }));
  await press(a, a.getByRole('button', { name: 'Approve for Lincoln High School' }));
  await press(b, b.getByRole('button', { name: '代表杭州第二中学批准' }));
  await press(a, a.getByRole('button', { name: 'Start signing' }));
  await press(a, a.getByRole('button', { name: 'Freeze and start signing' }));
  await expect(b.getByRole('heading', { name: '合作协议（签署中）' })).toBeVisible();

  for (const side of ['A', 'B'] as const) {
    const leader = await leaderPage(browser, side === 'A' ? contextA : contextB, id, side);
    const say =
      side === 'A'
        ? {
            title: 'Title (e.g. Principal)',
            typeMode: 'Type it',
            typed: 'Your name as signature',
            name: 'Pat Principal',
            read: /I have read the/,
            consent: /I sign this partnership agreement/,
            sign: 'Sign for Lincoln High School',
          }
        : {
            title: '职务（如：校长）',
            typeMode: '输入',
            typed: '输入您的姓名作为签名',
            name: '刘校长',
            read: /我已阅读/,
            consent: /我代表杭州第二中学签署/,
            sign: '代表杭州第二中学签署',
          };
    await typeInto(leader, leader.getByLabel(say.title), side === 'A' ? 'Principal' : '校长');
    // The signature kind is a radio group: arrows move to "Type".
    const typeMode = leader.getByRole('radio', { name: say.typeMode });
    await tabTo(leader, leader.locator('.signature-mode').getByRole('radio', { checked: true }));
    for (let i = 0; i < 3 && !(await typeMode.isChecked()); i++)
      await leader.keyboard.press('ArrowDown');
    await expect(typeMode).toBeChecked();
    await typeInto(leader, leader.getByLabel(say.typed), say.name);
    const read = leader.getByRole('checkbox', { name: say.read });
    if ((await read.count()) > 0) await press(leader, read, 'Space');
    await press(leader, leader.getByRole('checkbox', { name: say.consent }), 'Space');
    await press(leader, leader.getByRole('button', { name: say.sign }));
  }
  await expect(a.getByRole('heading', { name: 'Signed by both schools' })).toBeVisible();
  await expect(b.getByRole('heading', { name: '两校均已签署' })).toBeVisible();
});

test('host parents plan a leg and the visiting family weighs in, by keyboard', async ({
  browser,
}) => {
  const { a: coordinatorA, b: coordinatorB, id } = await bothCoordinators(browser, server.url);
  const contextA = await personContext(browser, server.url, 'Pat Miller', 'en-US', 'en');
  await joinAs(coordinatorA, contextA, id, 'A', 'host-parent');
  const contextB = await personContext(browser, server.url, '张丽', 'zh-CN', 'zh-Hans');
  await joinAs(coordinatorB, contextB, id, 'B', 'host-parent');
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/itinerary/A`);
  await b.goto(`/p/${id}/itinerary/A`);

  const day = a.locator('section.day').first();
  await press(a, day.getByRole('button', { name: /^Add to / }));
  await expect(day.getByLabel('New item title')).toBeFocused();
  await a.keyboard.type('Baseball game');
  await a.keyboard.press('Tab');
  await a.keyboard.type('0900AM');
  await a.keyboard.press('Enter');
  const row = day.locator('li.item-row');
  await expect(row).toContainText('09:00');
  await expect(day.getByLabel('New item title')).toBeFocused();
  await a.keyboard.press('Escape');

  // The sheet opens with Enter, takes focus, and gives it back on Escape.
  await press(a, row.locator('.item-open'));
  const sheet = a.getByRole('dialog', { name: 'Baseball game' });
  await typeInto(a, sheet.getByLabel('Place or meeting point'), 'Stadium gate');
  await press(a, sheet.getByRole('checkbox', { name: 'Pat Miller (Host parent)' }), 'Space');
  await a.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(row.locator('.item-open')).toBeFocused();
  await expect(row).toContainText('with Pat Miller');

  // A keyboard move to the next day keeps focus on the item.
  await press(a, row.getByRole('button', { name: 'Move “Baseball game”' }), 'PageDown');
  const moved = a.locator('section.day').nth(1).locator('li.item-row');
  await expect(moved.getByRole('button', { name: 'Move “Baseball game”' })).toBeFocused();

  // The visiting family votes and suggests.
  const rowB = b.locator('section.day').nth(1).locator('li.item-row');
  await press(b, rowB.getByRole('button', { name: '同意 · 0' }));
  await expect(moved).toContainText('1 yes');
  const dayB = b.locator('section.day').first();
  await press(b, dayB.getByRole('button', { name: /建议一项活动$/ }));
  await b.keyboard.type('包饺子');
  await b.keyboard.press('Enter');
  const suggestion = day.locator('li.item-row', { hasText: '包饺子' });
  await press(a, suggestion.getByRole('button', { name: 'Accept' }));
  await expect(dayB.locator('li.item-row')).toContainText('已接受');
});
