import { type Browser, type Locator, type Page, expect, test } from '@playwright/test';
import { bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Stories: the two coordinators shape the agreement (add, rename, reorder, remove and undo,
 * what each school will share) and use versions and the print preview.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

async function twoCoordinators(browser: Browser) {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  return { a, b, id };
}

/** Drags with the mouse, step by step, as a person does (HTML drag and drop). */
async function dragOnto(page: Page, source: Locator, target: Locator): Promise<void> {
  // Both ends must be on screen at once: a tall window holds two rows.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await target.scrollIntoViewIfNeeded();
  await source.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
  await page.mouse.up();
}

const rows = (page: Page) => page.locator('li.clause');
const headings = (page: Page) => rows(page).getByRole('heading', { level: 2 });
const row = (page: Page, title: string) =>
  rows(page).filter({ has: page.getByRole('heading', { level: 2, name: title }) });

test('coordinators add, rename, reorder and remove clauses together', async ({ browser }) => {
  const { a, b, id } = await twoCoordinators(browser);
  await expect(headings(a)).toHaveCount(12);

  await a.getByLabel('New clause title (English)').fill('Sports exchange');
  await a.getByRole('button', { name: 'Add clause' }).click();
  await expect(headings(a).nth(12)).toHaveText('13. Sports exchange');
  // B has no Chinese title yet: the English one stands in until B names it.
  await expect(headings(b).nth(12)).toHaveText('13. Sports exchange');
  const chineseTitle = rows(b).nth(12).getByLabel('条款标题（简体中文）');
  await chineseTitle.fill('体育交流');
  await chineseTitle.press('Enter');
  await expect(headings(b).nth(12)).toHaveText('13. 体育交流');
  await expect(rows(a).nth(12).getByLabel('Clause title in Simplified Chinese')).toHaveValue(
    '体育交流',
  );

  // Keyboard way: the clause's menu, Move up; focus stays on the moved clause's menu button.
  const menu = rows(a).nth(12).getByRole('button', { name: 'Actions for clause 13' });
  await menu.focus();
  await a.keyboard.press('Enter');
  await expect(a.getByRole('menuitem', { name: 'Move down' })).toBeDisabled();
  await expect(a.getByRole('menuitem', { name: 'Move up' })).toBeFocused();
  await a.keyboard.press('Enter');
  await expect(headings(b).nth(11)).toHaveText('12. 体育交流');
  await expect(a.getByRole('button', { name: 'Actions for clause 12', exact: true })).toBeFocused();
  await dragOnto(a, row(a, '12. Sports exchange').locator('.drag-handle'), headings(a).nth(10));
  await expect(headings(a).nth(10)).toHaveText('11. Sports exchange');
  await expect(headings(b).nth(10)).toHaveText('11. 体育交流');

  await row(a, '7. Finance')
    .getByRole('button', { name: /^Actions for clause/ })
    .click();
  await a.getByRole('menuitem', { name: 'Remove' }).click();
  await expect(a.getByRole('status').filter({ hasText: '“Finance” removed.' })).toBeVisible();
  await expect(headings(b)).toHaveCount(12);
  await expect(b.getByText('1 个已删除的条款')).toBeVisible();
  await a.getByRole('button', { name: 'Undo' }).click();
  await expect(headings(b).nth(6)).toHaveText('7. 经费');

  // P3: each school lists what it will share, side by side.
  const culturalA = row(a, '4. Cultural exchange');
  await culturalA.getByLabel('Something your school will share').fill('Baseball');
  await culturalA.getByRole('button', { name: 'Add', exact: true }).click();
  const culturalB = row(b, '4. 文化交流');
  await culturalB.getByLabel('贵校将分享的内容').fill('书法');
  await culturalB.getByRole('button', { name: '添加', exact: true }).click();
  await expect(culturalA.getByRole('group', { name: 'Shared by 杭州第二中学' })).toContainText(
    '书法',
  );
  await expect(culturalB.getByRole('group', { name: '杭州第二中学将分享' })).toContainText('书法');
  await expect(culturalB.getByRole('group', { name: 'Lincoln High School 将分享' })).toContainText(
    'Baseball',
  );
  // The print shows both lists as well.
  const printed = await a.context().newPage();
  await printed.goto(`/p/${id}/agreement/print`);
  const cultural = printed.locator('.print-clause', { hasText: 'Cultural exchange' });
  await expect(
    cultural.getByRole('group', { name: 'Shared by Lincoln High School' }),
  ).toContainText('Baseball');
  await expect(cultural.getByRole('group', { name: 'Shared by 杭州第二中学' })).toContainText(
    '书法',
  );
  await printed.close();
  // Each school answers for itself: B cannot say what A can support.
  const participantsA = row(a, '3. Participants');
  await participantsA
    .getByLabel('Can Lincoln High School support Teachers?')
    .selectOption('not-feasible');
  await expect(row(b, '3. 参与者').getByLabel('Lincoln High School 能否支持教师？')).toHaveValue(
    'not-feasible',
  );
  await expect(row(b, '3. 参与者').getByLabel('Lincoln High School 能否支持教师？')).toBeDisabled();

  // P10: the agreement says which language version prevails.
  await a
    .getByLabel('Which version prevails?')
    .selectOption({ label: 'The English version prevails' });
  await expect(b.getByLabel('以哪个版本为准？')).toHaveValue('en');

  // P15 and P12: expectations per school, and a monthly meeting shown in both local times.
  const roles = row(a, '6. Roles and communication');
  await roles.getByLabel('Time each school can give: Lincoln High School').fill('Two hours a week');
  await expect(
    row(b, '6. 职责与沟通').getByLabel('每所学校能投入的时间：Lincoln High School'),
  ).toHaveValue('Two hours a week');
  await roles.getByLabel('Week of the month').selectOption('first');
  await roles.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday' });
  await roles.getByLabel('Time', { exact: true }).fill('17:00');
  // 17:00 on a Tuesday in Portland is Wednesday morning in Hangzhou.
  const firstMeeting = roles.locator('.meeting-times tbody tr').first().getByRole('cell');
  await expect(firstMeeting.nth(0)).toContainText('Tuesday');
  await expect(firstMeeting.nth(1)).toContainText('Wednesday');
  // Each school's time says where it falls in that school's day; zones are named, not coded.
  await expect(firstMeeting.nth(0)).toContainText('after school hours');
  await expect(firstMeeting.nth(1)).toContainText('during school hours');
  await expect(roles.locator('.meeting-times thead')).toContainText('Los Angeles (GMT');
  await expect(roles.locator('.meeting-times thead')).not.toContainText('America/');
  await expect(roles.getByRole('list', { name: 'What the strips show' })).toContainText(
    'School hours',
  );
  await expect(roles.locator('.meeting-times tbody tr')).toHaveCount(12);
  const firstMeetingB = row(b, '6. 职责与沟通').locator('.meeting-times tbody tr').first();
  await expect(firstMeetingB.getByRole('cell').nth(1)).toContainText('星期三');
  await expect(firstMeetingB.getByRole('cell').nth(0)).toContainText('放学后');
});

test('versions are kept, compared and restored, and the draft prints in both languages', async ({
  browser,
}) => {
  const { a, b, id } = await twoCoordinators(browser);
  const english = (page: Page) =>
    page.getByRole('textbox', {
      name: /^(Purpose of the partnership, English version|合作目的，英语版本)$/,
    });
  await english(a).click();
  await a.keyboard.type('Version one.');
  await a.getByRole('button', { name: 'Versions' }).click();
  await a.getByLabel('Name this version').fill('First draft');
  await a.getByRole('button', { name: 'Keep version' }).click();
  await expect(a.locator('.version-list li')).toHaveCount(1);

  await english(a).click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Changed later.');
  await a.getByLabel('Name this version').fill('Second draft');
  await a.getByRole('button', { name: 'Keep version' }).click();
  await expect(a.locator('.version-list li')).toHaveCount(2);
  // The panel says what its buttons need.
  await expect(a.getByRole('button', { name: 'View' })).toBeDisabled();
  await expect(a.getByText('Tick one version to view it, or two to compare them.')).toBeVisible();
  await a.getByRole('checkbox', { name: /First draft/ }).check();
  await expect(a.getByText('Tick a second version to compare the two.')).toBeVisible();
  await a.getByRole('checkbox', { name: /Second draft/ }).check();
  await a.getByRole('button', { name: 'Compare the two' }).click();
  await expect(a.locator('.version-text ins').first()).toHaveText(' Changed later.');

  await a
    .locator('.version-list li', { hasText: 'First draft' })
    .getByRole('button', { name: 'Restore' })
    .click();
  // Asked first, in the page's language; Escape would cancel.
  const ask = a.getByRole('alertdialog');
  await expect(ask).toContainText('Restore this version? The current text is kept as a version');
  await ask.getByRole('button', { name: 'Restore' }).click();
  await expect(ask).toHaveCount(0);
  await expect(english(b)).toHaveText('Version one.');
  await expect(english(a)).toHaveText('Version one.');

  await b.goto(`/p/${id}/agreement/print`);
  // The print keeps the partnership's order of languages: school A's first.
  await expect(b.getByRole('heading', { level: 1 })).toHaveText([
    'Partnership agreement',
    '合作协议',
  ]);
  await expect(b.getByText('Version one.')).toBeVisible();
  await expect(b.getByRole('button', { name: '打印' })).toBeVisible();
});
