import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: on a weak school connection the server drops out; a coordinator who had the
 * agreement open reloads it anyway, keeps writing, and the partner gets the text once the
 * connection is back. The application comes from the browser's service worker.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

const englishOf = (page: Page) =>
  page.getByRole('textbox', {
    name: /^(Purpose of the partnership, English version|合作目的，英语版本)$/,
  });

/** Resolves once the service worker controls the page and has kept what it opens with. */
async function keptForOffline(page: Page, id: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  await page.waitForFunction(
    async (partnership) => {
      const cache = await caches.open('tandem-api');
      return Boolean(
        (await cache.match('/api/me')) && (await cache.match(`/api/partnerships/${partnership}`)),
      );
    },
    id,
    { timeout: 20_000 },
  );
}

test('a page opened before reloads without the server, takes edits, and syncs them later', async ({
  browser,
}) => {
  const { a, b, id } = await bothCoordinators(browser, server.url);
  const page = await a.newPage();
  const partner = await b.newPage();
  await page.goto(`/p/${id}/agreement`);
  await partner.goto(`/p/${id}/agreement`);
  await expect(englishOf(page)).toBeVisible({ timeout: 20_000 });
  await keptForOffline(page, id);
  await englishOf(page).click();
  await page.keyboard.type('Written online.');
  await expect(englishOf(partner)).toContainText('Written online.');

  await server.stop();
  await page.reload();
  // Nothing answers on the server's port: this page came from the service worker.
  await expect(englishOf(page)).toContainText('Written online.', { timeout: 20_000 });
  await expect(page.locator('.connection')).toHaveAttribute('data-state', /^offline/);
  await englishOf(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Written offline.');
  await expect(englishOf(page)).toContainText('Written online. Written offline.');

  await server.resume();
  await expect(englishOf(partner)).toContainText('Written online. Written offline.', {
    timeout: 20_000,
  });
  await expect(page.locator('.connection')).toHaveAttribute('data-state', 'connected', {
    timeout: 20_000,
  });
});

test('signing out deletes what was kept for offline use', async ({ browser }) => {
  const { a, id } = await bothCoordinators(browser, server.url);
  const page = await a.newPage();
  await page.goto(`/p/${id}/agreement`);
  await expect(englishOf(page)).toBeVisible({ timeout: 20_000 });
  await keptForOffline(page, id);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  const kept = await page.evaluate(async () => (await caches.keys()).includes('tandem-api'));
  expect(kept).toBe(false);
});

test('a new version waits until the person agrees to reload', async ({ browser }) => {
  // A copy of the built client that can become "the next version" while a page is open.
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-client-'));
  fs.cpSync(path.resolve(import.meta.dirname, '../client/dist'), clientDir, { recursive: true });
  const own = await TestServer.start({ CLIENT_DIR: clientDir });
  try {
    const { a, id } = await bothCoordinators(browser, own.url);
    const page = await a.newPage();
    await page.goto(`/p/${id}/agreement`);
    await expect(englishOf(page)).toBeVisible({ timeout: 20_000 });
    await keptForOffline(page, id);
    await englishOf(page).click();
    await page.keyboard.type('Half a sentence');
    await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));

    const worker = path.join(clientDir, 'sw.js');
    fs.appendFileSync(worker, '\n// the next version\n');
    for (const copy of ['sw.js.br', 'sw.js.gz'])
      fs.rmSync(path.join(clientDir, copy), { force: true });
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Tandem is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // Nothing reloaded behind the person's back.
    expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toBeHidden();
    expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);

    await page.reload();
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await prompt.getByRole('button', { name: 'Reload now' }).click();
    await expect(prompt).toBeHidden({ timeout: 20_000 });
    await expect(englishOf(page)).toContainText('Half a sentence', { timeout: 20_000 });
  } finally {
    await own.stop();
  }
});
