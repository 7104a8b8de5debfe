import { type Page, expect, test } from '@playwright/test';
import { bothCoordinators, joinAs, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Story (P18, P19, P20) on a phone, 390 × 844 with touch: a host parent taps six items into a
 * day and the day stays about one screen; nothing to tap is under 24 px; the visiting family
 * votes and suggests in two taps each; the host accepts with one button. On a laptop, a drag by
 * the second item's handle moves that item.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Every visible control smaller than 24 × 24 CSS px (WCAG 2.2 target size). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [role="button"], [tabindex="0"]',
      ),
    ]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.width < 24 || box.height < 24);
      })
      .map((el) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`),
  );
}

async function hostParents(browser: Parameters<typeof bothCoordinators>[0]) {
  const { a: coordinatorA, b: coordinatorB, id } = await bothCoordinators(browser, server.url);
  const contextA = await personContext(browser, server.url, 'Pat Miller', 'en-US', 'en');
  await joinAs(coordinatorA, contextA, id, 'A', 'host-parent');
  const contextB = await personContext(browser, server.url, '张丽', 'zh-CN', 'zh-Hans');
  await joinAs(coordinatorB, contextB, id, 'B', 'host-parent');
  return { id, contextA, contextB };
}

test('a host parent plans a day by tapping, and the visiting family weighs in', async ({
  browser,
}) => {
  const { id, contextA, contextB } = await hostParents(browser);
  const phoneA = await browser.newContext({
    ...PHONE,
    locale: 'en-US',
    baseURL: server.url,
    storageState: await contextA.storageState(),
  });
  const a = await phoneA.newPage();
  await a.goto(`/p/${id}/itinerary/A`);
  const day = a.locator('section.day').first();
  await day.getByRole('button', { name: /^Add to / }).tap();
  const plan = [
    ['08:00', 'Breakfast with the host family'],
    ['09:00', 'Welcome assembly'],
    ['10:30', 'Campus tour'],
    ['12:00', 'Lunch in the cafeteria'],
    ['14:00', 'Science lab'],
    ['16:00', 'Free time in town'],
  ];
  // Entered out of order: the day reads as a timeline anyway. A tap's click arrives after the
  // tap returns, so each entry waits for its row before the next is typed.
  for (const [index, [time, title]] of [...plan].reverse().entries()) {
    await day.getByLabel('New item title').fill(title ?? '');
    await day.getByLabel('Start time (optional)').fill(time ?? '');
    await day.getByRole('button', { name: 'Add', exact: true }).tap();
    await expect(day.locator('li.item-row')).toHaveCount(index + 1);
    await expect(day.getByLabel('New item title')).toHaveValue('');
  }
  await day.getByRole('button', { name: 'Close' }).tap();
  await expect(day.locator('li.item-row')).toHaveCount(6);
  await expect(day.locator('.item-title')).toHaveText(plan.map(([, title]) => title ?? ''));
  const box = await day.boundingBox();
  expect(box?.height ?? Infinity).toBeLessThanOrEqual(1.3 * 844);
  // The first day starts on the first screen, prompts and tools folded above it.
  await a.evaluate(() => window.scrollTo(0, 0));
  expect((await day.boundingBox())?.y ?? Infinity).toBeLessThan(844);
  expect(await smallTargets(a)).toEqual([]);

  const phoneB = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    baseURL: server.url,
    storageState: await contextB.storageState(),
  });
  const b = await phoneB.newPage();
  await b.goto(`/p/${id}/itinerary/A`);
  const dayB = b.locator('section.day').first();
  await expect(dayB.locator('li.item-row')).toHaveCount(6);
  expect(await smallTargets(b)).toEqual([]);
  await b.locator('#prompts > summary').tap();
  expect(await smallTargets(b)).toEqual([]);
  // A vote is one tap on the row; a suggestion is a tap, the words, and a tap.
  await dayB.locator('li.item-row').nth(4).getByRole('button', { name: '同意 · 0' }).tap();
  await expect(day.locator('li.item-row').nth(4)).toContainText('1 yes');
  await dayB.getByRole('button', { name: /建议一项活动$/ }).tap();
  await dayB.getByLabel('新项目标题').fill('包饺子');
  await dayB.getByRole('button', { name: '建议', exact: true }).tap();
  const suggestion = day.locator('li.item-row', { hasText: '包饺子' });
  await suggestion.getByRole('button', { name: 'Accept' }).tap();
  await expect(dayB.locator('li.item-row', { hasText: '包饺子' })).toContainText('已接受');

  // The item's sheet opens from the bottom, holding the whole form.
  await day.locator('li.item-row').first().locator('.item-open').tap();
  const sheet = a.getByRole('dialog', { name: 'Breakfast with the host family' });
  await expect(sheet.getByLabel('Place or meeting point')).toBeVisible();
  expect(await smallTargets(a)).toEqual([]);
});

test('a drag by the second item’s handle moves the second item', async ({ browser }) => {
  const { id, contextA } = await hostParents(browser);
  const a = await contextA.newPage();
  await a.setViewportSize({ width: 1280, height: 900 });
  await a.goto(`/p/${id}/itinerary/A`);
  const day = a.locator('section.day').first();
  await day.getByRole('button', { name: /^Add to / }).click();
  for (const title of ['Museum', 'Harbour walk', 'Concert']) {
    await day.getByLabel('New item title').fill(title);
    await day.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await day.getByRole('button', { name: 'Close' }).click();
  const titles = day.locator('.item-title');
  await expect(titles).toHaveText(['Museum', 'Harbour walk', 'Concert']);
  const handle = day.getByRole('button', { name: 'Move “Harbour walk”' });
  await handle.dragTo(day.locator('li.item-row').first());
  await expect(titles).toHaveText(['Harbour walk', 'Museum', 'Concert']);
  // And onto another day, the item grabbed and no other.
  const secondDay = a.locator('section.day').nth(1);
  await day.getByRole('button', { name: 'Move “Concert”' }).dragTo(secondDay.locator('h2'));
  await expect(secondDay.locator('.item-title')).toHaveText(['Concert']);
  await expect(titles).toHaveText(['Harbour walk', 'Museum']);
});
