import { type Page, expect, test } from '@playwright/test';
import { bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story (P3, R-cultural): coordinator A lists three cultural practices for side A and none for
 * side B; coordinator B sees the prompt in Chinese; B adds two practices; the prompt disappears
 * for both.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

/** Opens the side panel's prompts (a disclosure that shows their count). */
async function openPrompts(page: Page) {
  await page.locator('#prompts > summary').click();
}

test('a one-sided cultural exchange is noticed and put right', async ({ browser }) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);

  const cultural = a.locator('#clause-cultural-exchange');
  for (const practice of ['Baseball', 'Thanksgiving dinner', 'Jazz']) {
    await cultural.getByLabel('Something your school will share').fill(practice);
    await cultural.getByRole('button', { name: 'Add', exact: true }).click();
  }
  // The prompts live in a collapsed side panel with their count.
  await openPrompts(a);
  await openPrompts(b);
  const promptA = a.locator('.prompt[data-prompt="R-cultural"]');
  const promptB = b.locator('.prompt[data-prompt="R-cultural"]');
  await expect(promptA).toContainText(
    'Lincoln High School lists 3 things to share; 杭州第二中学 lists 0.',
  );
  await expect(promptB).toContainText(
    'Lincoln High School 列出了 3 项要分享的内容；杭州第二中学只有 0 项。',
  );
  await expect(promptB).toContainText('文化交流应是双向的');
  // Each prompt names its place; each item in one language only is named too.
  await expect(promptB.locator('.prompt-place')).toHaveText('4. 文化交流');
  const wordingsB = b.locator('.prompt[data-prompt="R-language-missing"]');
  await expect(wordingsB).toHaveCount(3);
  await expect(wordingsB.first()).toContainText('“Baseball”还没有简体中文说法。');
  // The clause carries a marker whose tooltip says what, not which rule; the prompt links to it.
  const markerB = b.locator('#clause-cultural-exchange .prompt-marker');
  await expect(markerB).toHaveText('4 条提示');
  await expect(markerB).toHaveAttribute('title', /文化交流|列出了/);
  await expect(markerB).not.toHaveAttribute('title', /R-/);
  await expect(promptB.getByRole('link', { name: '前往' })).toHaveAttribute(
    'href',
    `/p/${id}/agreement#clause-cultural-exchange`,
  );

  const culturalB = b.locator('#clause-cultural-exchange');
  for (const practice of ['书法', '太极']) {
    await culturalB.getByLabel('贵校将分享的内容').fill(practice);
    await culturalB.getByRole('button', { name: '添加', exact: true }).click();
  }
  await expect(promptB).toHaveCount(0);
  await expect(promptA).toHaveCount(0);
  // Both schools word the other's items in their own language, shown side by side.
  for (const [item, wording] of [
    ['Baseball', '棒球'],
    ['Thanksgiving dinner', '感恩节晚餐'],
    ['Jazz', '爵士乐'],
  ] as const) {
    const entry = culturalB.locator('.list-entry', { hasText: item });
    await entry.getByRole('button', { name: '添加简体中文说法' }).click();
    await b.keyboard.type(wording);
    await b.keyboard.press('Enter');
    await expect(cultural.locator('.list-entry', { hasText: item })).toContainText(wording);
  }
  for (const [item, wording] of [
    ['书法', 'Calligraphy'],
    ['太极', 'Tai chi'],
  ] as const) {
    await cultural
      .locator('.list-entry', { hasText: item })
      .getByRole('button', { name: 'Add the English wording' })
      .click();
    await a.keyboard.type(wording);
    await a.keyboard.press('Enter');
  }
  await expect(culturalB.locator('.list-entry', { hasText: '太极' })).toContainText('Tai chi');
  await expect(a.locator('#clause-cultural-exchange .prompt-marker')).toHaveCount(0);
  await expect(markerB).toHaveCount(0);
});

test('a dismissal with a reason reaches both schools, and the prompt can come back', async ({
  browser,
}) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  await openPrompts(a);
  await openPrompts(b);
  const continuity = a.locator('.prompt[data-prompt="R-continuity"]').first();
  await expect(continuity).toContainText(
    'Lincoln High School needs at least two staff members and a leader',
  );
  await continuity.getByRole('button', { name: 'Dismiss' }).click();
  await continuity
    .getByLabel('Why (both schools will see this)')
    .fill('Our principal joins next week.');
  await continuity.getByRole('button', { name: 'Dismiss' }).click();
  await b.getByText('1 条已忽略的提示').click();
  await expect(b.getByText('Ana Alvarez 已忽略：Our principal joins next week.')).toBeVisible();
  await b.getByRole('button', { name: '恢复' }).click();
  await expect(a.locator('.prompt[data-prompt="R-continuity"]')).toHaveCount(2);
  await expect(a.getByText('dismissed prompt')).toHaveCount(0);
});
