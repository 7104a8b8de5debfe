import fs from 'node:fs';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { bothCoordinators, joinAs, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Story (P18, P19): host parent A adds a group event with a chaperone to the leg school A
 * hosts; host parent B, in the Chinese UI, votes and comments; A sees the vote live; the
 * calendar downloads and parses.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('host parents on both sides shape a leg together', async ({ browser }) => {
  const { a: coordinatorA, b: coordinatorB, id } = await bothCoordinators(browser, server.url);
  const hostParent = async (
    coordinator: typeof coordinatorA,
    side: 'A' | 'B',
    name: string,
    locale: string,
    lang: string,
  ) => {
    const context = await personContext(browser, server.url, name, locale, lang);
    await joinAs(coordinator, context, id, side, 'host-parent');
    return context.newPage();
  };
  const a = await hostParent(coordinatorA, 'A', 'Pat Miller', 'en-US', 'en');
  const b = await hostParent(coordinatorB, 'B', '张丽', 'zh-CN', 'zh-Hans');

  await a.goto(`/p/${id}/itinerary/A`);
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(
    'Lincoln High School hosts 杭州第二中学',
  );
  // One line adds an item: a title and a time; the details wait in its sheet.
  const firstDay = a.locator('section.day').first();
  await firstDay.getByRole('button', { name: /^Add to / }).click();
  await firstDay.getByLabel('New item title').fill('Baseball game');
  await firstDay.getByLabel('Start time (optional)').fill('09:00');
  await firstDay.getByRole('button', { name: 'Add', exact: true }).click();
  const item = firstDay.locator('li.item-row');
  await expect(item).toContainText('09:00');
  await expect(item).toContainText('Baseball game');
  await item.locator('.item-open').click();
  const sheet = a.getByRole('dialog', { name: 'Baseball game' });
  await sheet.getByLabel('Ends').fill('11:00');
  await sheet.getByLabel('Place or meeting point').fill('Stadium gate');
  await sheet.getByRole('checkbox', { name: 'Pat Miller (Host parent)' }).check();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(item).toContainText('09:00–11:00');
  await expect(item).toContainText('with Pat Miller');

  // The visiting side reads a programme: nothing disabled or read-only posing as a form.
  await b.goto(`/p/${id}/itinerary/A`);
  const itemB = b.locator('section.day').first().locator('li.item-row');
  await expect(itemB).toContainText('Baseball game');
  await expect(b.locator('.days [disabled], .days [readonly]')).toHaveCount(0);
  await itemB.getByRole('button', { name: '同意 · 0' }).click();
  await expect(item).toContainText('1 yes');
  await itemB.locator('.item-open').click();
  const sheetB = b.getByRole('dialog', { name: 'Baseball game' });
  await expect(sheetB).toContainText('Stadium gate');
  await sheetB.getByLabel('您的评论').fill('我们可以带手套吗？');
  await sheetB.getByRole('button', { name: '发表评论' }).click();
  await b.keyboard.press('Escape');
  await item.locator('.item-open').click();
  await expect(sheet.locator('.comment-body')).toHaveText('我们可以带手套吗？');

  // P23: free text that looks like health or diet data gets a warning, never a field.
  const notes = sheet.getByLabel('Notes in English');
  await notes.fill('Mei is allergic to peanuts');
  await expect(sheet.getByRole('alert')).toContainText('sensitive personal data (diet)');
  await notes.fill('Bring a cap');
  await expect(sheet.getByRole('alert')).toHaveCount(0);
  await a.keyboard.press('Escape');

  // A keyboard move keeps focus on the item's handle and says where it went; undo brings it back.
  const handle = item.getByRole('button', { name: 'Move “Baseball game”' });
  await handle.focus();
  await a.keyboard.press('PageDown');
  const secondDay = a.locator('section.day').nth(1);
  await expect(secondDay.locator('li.item-row')).toHaveCount(1);
  await expect(secondDay.getByRole('button', { name: 'Move “Baseball game”' })).toBeFocused();
  await expect(a.locator('[aria-live="polite"]')).toContainText('“Baseball game” is now on');
  await expect(b.locator('section.day').nth(1).locator('li.item-row')).toHaveCount(1);
  await a.getByRole('button', { name: 'Undo my change' }).click();
  await expect(firstDay.locator('li.item-row')).toHaveCount(1);

  // P19: the visiting side suggests; the host side accepts with one button; B sees it accepted.
  const secondDayB = b.locator('section.day').nth(1);
  await secondDayB.getByRole('button', { name: /^为.*建议一项活动$/ }).click();
  await secondDayB.getByLabel('新项目标题').fill('书法工作坊');
  await secondDayB.getByRole('button', { name: '建议', exact: true }).click();
  const suggestion = secondDay.locator('li.item-row');
  await expect(suggestion).toContainText('书法工作坊');
  await expect(suggestion).toContainText('(only in Simplified Chinese so far)');
  await expect(suggestion).toContainText('Suggested by 杭州第二中学');
  await suggestion.getByRole('button', { name: 'Accept' }).click();
  // Its prompt names the item and the day and says what to do; the badge shows no rule code.
  await a.locator('#prompts > summary').click();
  await expect(
    a.locator('.prompt[data-prompt="R-language-missing"]').filter({ hasText: '书法工作坊' }),
  ).toContainText(/“书法工作坊” on \w+ \d+ has no English title yet: open it and add one\./);
  await expect(suggestion.locator('.prompt-marker')).not.toHaveAttribute('title', /R-/);
  await expect(secondDayB.locator('li.item-row')).toContainText('已接受');

  // Deleting asks nothing but can be undone for a few seconds.
  await suggestion.locator('.item-open').click();
  await a.getByRole('dialog').getByRole('button', { name: 'Delete this item' }).click();
  await expect(secondDay.locator('li.item-row')).toHaveCount(0);
  await expect(a.getByRole('status').filter({ hasText: '“书法工作坊” deleted.' })).toBeVisible();
  await a.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(secondDay.locator('li.item-row')).toContainText('书法工作坊');
  await expect(secondDayB.locator('li.item-row')).toHaveCount(1);

  // The two legs side by side, day 1 against day 1.
  await a.goto(`/p/${id}/itineraries`);
  const dayOne = a.locator('.compare-days tbody tr').first();
  await expect(dayOne.getByRole('rowheader')).toContainText('Day 1');
  await expect(dayOne.getByRole('cell').first()).toContainText('Baseball game');
  await expect(dayOne.getByRole('cell').nth(1)).toContainText('No group event');
  await expect(dayOne).toContainText('Differs');
  await a.goBack();

  // The families' calendar, parsed by an independent iCalendar implementation.
  const download = a.waitForEvent('download');
  await a.getByText('Calendars and printable programme').click();
  await a.getByRole('link', { name: 'Calendar for students and families (.ics)' }).click();
  const file = await (await download).path();
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  // The game, and the accepted suggestion (a whole-day entry: it has no time yet).
  expect(events.map((e) => e.summary)).toEqual(['Baseball game', '书法工作坊']);
  const game = events[0];
  expect(game?.location).toBe('Stadium gate');
  expect(game?.startDate.zone?.tzid).toBe('America/Los_Angeles');
  expect(game?.startDate.toString()).toMatch(/T09:00:00$/);
});
