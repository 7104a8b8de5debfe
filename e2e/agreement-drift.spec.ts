import { type Page, expect, test } from '@playwright/test';
import { partnershipOf, personContext, bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story (P10): coordinator A (English UI) and coordinator B (Chinese UI) write the same clause
 * in their own languages and mark it aligned. A changes the English text; within two seconds
 * B sees, in Chinese, that the Chinese version may be outdated; B updates it and marks it
 * aligned again, and the warning clears for both.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

const purposeRow = (page: Page) => page.locator('li.clause').first();
const badgeOf = (page: Page) => purposeRow(page).locator('.drift .badge');

test('both schools keep a clause aligned across languages', async ({ browser }) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);

  // The server seeded the template: guiding questions in each person's column language.
  await expect(purposeRow(a).getByRole('heading', { level: 2 })).toHaveText(
    '1. Purpose of the partnership',
  );
  await expect(purposeRow(b).getByRole('heading', { level: 2 })).toHaveText('1. 合作目的');
  await expect(badgeOf(b)).toHaveText('尚未撰写');

  const englishOfA = a.getByRole('textbox', {
    name: 'Purpose of the partnership, English version',
  });
  const chineseOfB = b.getByRole('textbox', { name: '合作目的，简体中文版本' });
  await englishOfA.click();
  await a.keyboard.type('Our two schools learn together.');
  await expect(badgeOf(b)).toHaveText('缺少简体中文版本');
  await chineseOfB.click();
  await b.keyboard.type('我们两所学校一起学习。');
  // Presence per row: A sees that B is working in this clause.
  await expect(purposeRow(a).locator('.here')).toHaveText('王波');
  await expect(badgeOf(a)).toHaveText('Never aligned');

  await purposeRow(a).getByRole('button', { name: 'Mark aligned' }).click();
  await expect(badgeOf(a)).toHaveText('Aligned');
  await expect(badgeOf(b)).toHaveText('已一致');

  await englishOfA.click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Students visit each other.');
  await expect(badgeOf(b)).toHaveText('简体中文版本可能已过时', { timeout: 2_000 });
  await expect(badgeOf(a)).toHaveText('Simplified Chinese version may be outdated');
  // B sees what changed in English since the alignment.
  await purposeRow(b).getByText('显示标记一致后的改动').click();
  await expect(purposeRow(b).locator('.diff ins')).toHaveText(' Students visit each other.');

  await chineseOfB.click();
  await b.keyboard.press('End');
  await b.keyboard.type('学生互相访问。');
  await expect(badgeOf(b)).toHaveText('两个版本在标记一致后都有改动');
  await purposeRow(b).getByRole('button', { name: '标记为一致' }).click();
  await expect(badgeOf(b)).toHaveText('已一致');
  await expect(badgeOf(a)).toHaveText('Aligned');

  // Each coordinator approves for their school; both see both approvals.
  await purposeRow(a).getByRole('button', { name: 'Approve for Lincoln High School' }).click();
  await purposeRow(b).getByRole('button', { name: '代表杭州第二中学批准' }).click();
  await expect(purposeRow(a).locator('.approvals')).toContainText(
    'Approved by Lincoln High School',
  );
  await expect(purposeRow(a).locator('.approvals')).toContainText('Approved by 杭州第二中学');
});

test('the Arabic interface lays the agreement out right to left', async ({ browser }, testInfo) => {
  const contextA = await personContext(browser, server.url, 'ليلى', 'ar', 'ar');
  const contextB = await personContext(browser, server.url, '王波', 'zh-CN', 'zh-Hans');
  const id = await partnershipOf(contextA, contextB);
  const page = await contextA.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/p/${id}/agreement`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const row = page.locator('li.clause').first();
  await expect(row.locator('.drift .badge')).toHaveText('لم يُكتب بعد');

  // The viewer's own language column comes first in reading order: on the right.
  const [own, partner] = [row.locator('.column').nth(0), row.locator('.column').nth(1)];
  const ownBox = await own.boundingBox();
  const partnerBox = await partner.boundingBox();
  expect(ownBox && partnerBox && ownBox.x > partnerBox.x).toBe(true);
  // Content keeps its own direction: the English editor stays left to right.
  await expect(own.locator('.editor')).toHaveAttribute('dir', 'ltr');
  // The clause heading starts at the right edge of its row.
  const heading = await row.getByRole('heading', { level: 2 }).boundingBox();
  const rowBox = await row.boundingBox();
  expect(heading && rowBox && rowBox.x + rowBox.width - (heading.x + heading.width) < 80).toBe(
    true,
  );

  await testInfo.attach('agreement-ar', {
    body: await page.screenshot({ path: testInfo.outputPath('agreement-ar.png') }),
    contentType: 'image/png',
  });
});
