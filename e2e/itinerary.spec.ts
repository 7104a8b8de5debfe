import fs from 'node:fs';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { personContext, bothCoordinators } from './support/people';
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
    const invite = await coordinator.request.post(`/api/partnerships/${id}/invites`, {
      data: { side, role: 'host-parent' },
    });
    const { token } = (await invite.json()) as { token: string };
    const context = await personContext(browser, server.url, name, locale, lang);
    await context.request.post(`/api/invites/${token}/accept`);
    return context.newPage();
  };
  const a = await hostParent(coordinatorA, 'A', 'Pat Miller', 'en-US', 'en');
  const b = await hostParent(coordinatorB, 'B', '张丽', 'zh-CN', 'zh-Hans');

  await a.goto(`/p/${id}/itinerary/A`);
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(
    'Lincoln High School hosts 杭州第二中学',
  );
  const firstDay = a.locator('section.day').first();
  await firstDay.getByLabel('New item title').fill('Baseball game');
  await firstDay.getByRole('button', { name: 'Add' }).click();
  const item = firstDay.locator('li.item');
  await expect(item.getByLabel('Title in English')).toHaveValue('Baseball game');
  await item.getByLabel('Starts').fill('09:00');
  await item.getByLabel('Ends').fill('11:00');
  await item.getByLabel('Place or meeting point').fill('Stadium gate');
  await item.getByRole('checkbox', { name: 'Pat Miller (Host parent)' }).check();

  await b.goto(`/p/${id}/itinerary/A`);
  const itemB = b.locator('section.day').first().locator('li.item');
  await expect(itemB.getByLabel('标题（英语）')).toHaveValue('Baseball game');
  // B's side cannot edit A's leg, but translates nothing by accident: fields are read-only.
  await expect(itemB.getByLabel('标题（英语）')).toHaveAttribute('readonly', '');
  await itemB.getByRole('button', { name: '同意 · 0' }).click();
  await expect(item.getByRole('button', { name: 'Yes · 1' })).toBeVisible();
  await itemB.getByLabel('您的评论').fill('我们可以带手套吗？');
  await itemB.getByRole('button', { name: '发表评论' }).click();
  await expect(item.locator('.comment-body')).toHaveText('我们可以带手套吗？');

  // P23: free text that looks like health or diet data gets a warning, never a field.
  const notes = item.getByLabel('Notes in English');
  await notes.fill('Mei is allergic to peanuts');
  await expect(item.getByRole('alert')).toContainText('sensitive personal data (diet)');
  await notes.fill('Bring a cap');
  await expect(item.getByRole('alert')).toHaveCount(0);

  // Keyboard moves between days, and an undo that only undoes this person's own change.
  await item.getByRole('button', { name: 'Day after' }).click();
  const secondDay = a.locator('section.day').nth(1);
  await expect(secondDay.locator('li.item')).toHaveCount(1);
  await expect(b.locator('section.day').nth(1).locator('li.item')).toHaveCount(1);
  await a.getByRole('button', { name: 'Undo my change' }).click();
  await expect(firstDay.locator('li.item')).toHaveCount(1);
  await expect(item.locator('.comment-body')).toHaveText('我们可以带手套吗？');

  // Dragging an item onto another day moves it there, for everyone.
  await a.setViewportSize({ width: 1600, height: 2000 });
  const thirdDay = a.locator('section.day').nth(2);
  await item.getByText('Proposed by Lincoln High School').hover();
  await a.mouse.down();
  const target = await thirdDay.locator('h2').boundingBox();
  if (!target) throw new Error('third day not visible');
  await a.mouse.move(target.x + 10, target.y + 5, { steps: 10 });
  await a.mouse.up();
  await expect(thirdDay.locator('li.item')).toHaveCount(1);
  await expect(b.locator('section.day').nth(2).locator('li.item')).toHaveCount(1);
  await a.getByRole('button', { name: 'Undo my change' }).click();
  await expect(firstDay.locator('li.item')).toHaveCount(1);

  // P19: the visiting side proposes; the host side filters what needs a decision.
  const secondDayB = b.locator('section.day').nth(1);
  await secondDayB.getByLabel('新项目标题').fill('书法工作坊');
  await secondDayB.getByRole('button', { name: '提议' }).click();
  await a.getByRole('combobox', { name: /^Show/ }).selectOption('undecided');
  const proposal = a.locator('li.item');
  await expect(proposal).toHaveCount(1);
  await expect(
    proposal
      .getByLabel('Title in Chinese (China)')
      .or(proposal.getByLabel('Title in Simplified Chinese')),
  ).toHaveValue('书法工作坊');
  await expect(proposal.getByText('From the other school')).toBeVisible();
  await a.getByRole('combobox', { name: /^Show/ }).selectOption('all');

  // The two legs side by side.
  await a.goto(`/p/${id}/itineraries`);
  const groupEvents = a.getByRole('row', { name: /Group events/ });
  await expect(groupEvents.getByRole('cell')).toHaveText(['2', '0']);
  await a.goBack();

  // The families' calendar, parsed by an independent iCalendar implementation.
  const download = a.waitForEvent('download');
  await a.getByRole('link', { name: 'Calendar for students and families (.ics)' }).click();
  const file = await (await download).path();
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(1);
  expect(events[0]?.summary).toBe('Baseball game');
  expect(events[0]?.location).toBe('Stadium gate');
  expect(events[0]?.startDate.zone?.tzid).toBe('America/Los_Angeles');
  expect(events[0]?.startDate.toString()).toMatch(/T09:00:00$/);
});
