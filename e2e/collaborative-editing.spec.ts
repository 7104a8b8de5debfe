import { type Browser, type Page, expect, test } from '@playwright/test';
import { bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: coordinator A (English UI) and coordinator B (Chinese UI) open the same draft, type
 * into it, see each other's text and named carets; a reload keeps the text; while the server is
 * down typing goes on and syncs when it returns.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

/** Coordinators of both schools, each in their own browser and UI language, on one agreement. */
async function twoCoordinators(browser: Browser): Promise<{ a: Page; b: Page; path: string }> {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const path = `/p/${id}/agreement`;
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(path);
  await b.goto(path);
  return { a, b, path };
}

const editorOf = (page: Page) =>
  page.getByRole('textbox', {
    name: /^(Purpose of the partnership, English version|合作目的，英语版本)$/,
  });
/** The Chinese school writes its own version (P10: each school writes in its own language). */
const chineseOf = (page: Page) =>
  page.getByRole('textbox', {
    name: /^(Purpose of the partnership, Simplified Chinese version|合作目的，简体中文版本)$/,
  });
const statusOf = (page: Page) => page.locator('.connection');

/** The document's text as a person reads it: without the other people's caret labels. */
function textOf(page: Page): Promise<string> {
  return editorOf(page).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

test('two schools co-edit a draft, live and through an outage', async ({ browser }) => {
  const { a, b } = await twoCoordinators(browser);
  await expect(statusOf(a)).toHaveAttribute('data-state', 'connected');
  await expect(statusOf(b)).toHaveText('已连接 · 所有更改已保存');
  await expect(a.getByText('2 people here')).toBeVisible();

  await editorOf(a).click();
  await a.keyboard.type('Our schools will learn together.');
  await expect(editorOf(b)).toContainText('Our schools will learn together.');

  // B cannot type into A's version, only read it; B writes the Chinese one.
  await expect(editorOf(b)).toHaveAttribute('contenteditable', 'false');
  await chineseOf(b).click();
  await b.keyboard.type('我们一起学习。');
  await expect(chineseOf(a)).toContainText('我们一起学习。');

  // Each sees the other's caret, labelled with the other's name.
  await expect(a.locator('.collaboration-carets__label')).toHaveText('王波');
  await expect(b.locator('.collaboration-carets__label')).toHaveText('Ana Alvarez');

  await a.reload();
  await expect(editorOf(a)).toContainText('Our schools will learn together.');
  await expect(chineseOf(a)).toContainText('我们一起学习。');
  await expect(statusOf(a)).toHaveAttribute('data-state', 'connected');

  await server.stop();
  await expect(statusOf(a)).toHaveText('Offline · changes saved on this device');
  await expect(statusOf(b)).toHaveText('离线 · 更改已保存在本设备上');
  await editorOf(a).click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Written offline.');
  await expect(editorOf(b)).not.toContainText('Written offline.');

  await server.resume();
  await expect(statusOf(a)).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
  const merged = 'Our schools will learn together. Written offline.';
  await expect.poll(() => textOf(b), { timeout: 10_000 }).toBe(merged);
  await expect.poll(() => textOf(a)).toBe(merged);
});

test('edits typed offline survive closing the tab and reach the partner later', async ({
  browser,
}) => {
  const { a, b, path } = await twoCoordinators(browser);
  await expect(statusOf(a)).toHaveAttribute('data-state', 'connected');
  await editorOf(a).click();
  await a.keyboard.type('Start.');
  await expect(editorOf(b)).toContainText('Start.');

  await server.stop();
  await expect(statusOf(a)).toHaveAttribute('data-state', 'offlineSaved');
  await editorOf(a).click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Kept on this laptop.');
  await expect(statusOf(a)).toHaveText('Offline · changes saved on this device');
  // The school computer is closed before the network comes back.
  const context = a.context();
  await a.close();

  await server.resume();
  await expect(statusOf(b)).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
  await expect(editorOf(b)).not.toContainText('Kept on this laptop.');

  const reopened = await context.newPage();
  await reopened.goto(path);
  await expect(editorOf(reopened)).toContainText('Start. Kept on this laptop.');
  await expect.poll(() => textOf(b), { timeout: 10_000 }).toBe('Start. Kept on this laptop.');
});

test('signing out sends edits made offline before it deletes the copy on this computer', async ({
  browser,
}) => {
  const { a, b } = await twoCoordinators(browser);
  await expect(statusOf(a)).toHaveAttribute('data-state', 'connected');
  await editorOf(a).click();
  await a.keyboard.type('Start.');
  await expect(editorOf(b)).toContainText('Start.');

  await server.stop();
  await expect(statusOf(a)).toHaveAttribute('data-state', 'offlineSaved');
  await editorOf(a).click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Sent before signing out.');
  await expect(statusOf(a)).toHaveText('Offline · changes saved on this device');

  // Still offline: signing out would lose the edit, so it asks; declining keeps everything.
  await a.getByRole('button', { name: 'Sign out' }).click();
  const ask = a.getByRole('alertdialog');
  await expect(ask).toContainText('have not reached the server yet', { timeout: 15_000 });
  await a.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  // Insisting while the server is unreachable fails, says so, and still deletes nothing.
  await a.getByRole('button', { name: 'Sign out' }).click();
  await ask.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(a.getByRole('alert')).toHaveText(
    'Could not reach the server. Check your connection and try again.',
    { timeout: 15_000 },
  );
  await expect(a.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  const context = a.context();
  await a.close();

  await server.resume();
  await expect(statusOf(b)).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
  await expect(editorOf(b)).not.toContainText('Sent before signing out.');

  // Back online, from a page where the agreement is not open: the edit goes out first.
  const home = await context.newPage();
  await home.goto('/');
  await home.getByRole('button', { name: 'Sign out' }).click();
  await expect(home.getByRole('button', { name: 'Sign out' })).toBeHidden({ timeout: 15_000 });
  await expect.poll(() => textOf(b), { timeout: 10_000 }).toBe('Start. Sent before signing out.');
  // Nothing was left to lose, so nothing was asked.
  await expect(home.getByRole('alertdialog')).toHaveCount(0);
});
