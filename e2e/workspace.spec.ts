import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { bothCoordinators, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: the agreement opens on its clauses at a laptop's size, the outline takes the
 * keyboard to any clause, and the partnership home gives each role its own next step.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('the agreement opens on its first clause, and the outline reaches any clause', async ({
  browser,
}) => {
  const { a: context, id } = await bothCoordinators(browser, server.url);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/p/${id}/agreement`);
  const first = page.locator('li.clause').first();
  await expect(first.getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(
    page.getByRole('textbox', { name: 'Purpose of the partnership, English version' }),
  ).toBeInViewport();
  // The prompts wait, collapsed, with their count.
  await expect(page.locator('#prompts > summary')).toContainText(/\d+ reciprocity prompts?/);
  await expect(page.locator('#prompts')).not.toHaveAttribute('open');

  const outline = page.getByRole('navigation', { name: 'Clauses' });
  const links = outline.getByRole('link');
  const last = links.last();
  await last.focus();
  await page.keyboard.press('Enter');
  const lastClause = page.locator('li.clause').last();
  await expect(lastClause.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(lastClause).toBeInViewport();
});

test('the partnership home shows progress and each role’s next step', async ({ browser }) => {
  const { a, b, id } = await bothCoordinators(browser, server.url);
  const invite = async (side: 'A' | 'B', role: string) => {
    const from = side === 'A' ? a : b;
    const made = await from.request.post(`/api/partnerships/${id}/invites`, {
      data: { side, role },
    });
    return ((await made.json()) as { token: string }).token;
  };
  const parent = await personContext(browser, server.url, 'Pat Parent', 'en-US', 'en');
  await parent.request.post(`/api/invites/${await invite('A', 'host-parent')}/accept`);
  const leader = await personContext(browser, server.url, 'Lee Principal', 'en-US', 'en');
  await leader.request.post(`/api/invites/${await invite('A', 'leader')}/accept`);

  const coordinator = await a.newPage();
  await coordinator.goto(`/p/${id}`);
  const next = coordinator.getByRole('region', { name: 'Next step' });
  await expect(
    next.getByRole('link', { name: /Write the agreement: 0 of \d+ clauses/ }),
  ).toBeVisible();
  await expect(coordinator.getByText(/Written in every language: 0 of \d+ clauses/)).toBeVisible();
  await expect(
    coordinator.getByText(/Lincoln High School hosts: 0 of \d+ days planned/),
  ).toBeVisible();
  await expect(coordinator.getByText('Not started: the agreement is still a draft.')).toBeVisible();
  await expect(coordinator.getByText('Missing: a second staff member').first()).toBeVisible();
  // The coordinator can take the whole partnership along; the file comes from the server.
  const exportSection = coordinator.getByRole('region', { name: 'Your partnership’s data' });
  const [download] = await Promise.all([
    coordinator.waitForEvent('download'),
    exportSection.getByRole('link', { name: 'Download all of it' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`tandem-partnership-${id}.json.gz`);

  const parentPage = await parent.newPage();
  await parentPage.goto(`/p/${id}`);
  await expect(
    parentPage.getByRole('link', { name: /Plan your school's hosting itinerary: 0 of \d+ days/ }),
  ).toBeVisible();
  await expect(parentPage.getByRole('region', { name: 'Your partnership’s data' })).toHaveCount(0);
  await parentPage.getByRole('link', { name: 'Open your hosting itinerary' }).click();
  await expect(parentPage).toHaveURL(new RegExp(`/p/${id}/itinerary/A$`));

  const leaderPage = await leader.newPage();
  await leaderPage.goto(`/p/${id}`);
  await expect(
    leaderPage.getByRole('link', {
      name: /Approve the clauses for your school: 0 of \d+ approved/,
    }),
  ).toBeVisible();
  await expect(
    leaderPage.getByRole('link', { name: 'Open the partnership agreement' }),
  ).toHaveAttribute('href', `/p/${id}/agreement`);
});

test('the presence count counts people in this document, not tabs or other pages', async ({
  browser,
}) => {
  const { a, b, id } = await bothCoordinators(browser, server.url);
  const first = await a.newPage();
  const second = await a.newPage();
  const partner = await b.newPage();
  const elsewhere = await b.newPage();
  await first.goto(`/p/${id}/agreement`);
  // The first visit loads the agreement's code and syncs its three documents: give it time.
  await expect(first.locator('li.clause')).toHaveCount(12, { timeout: 20_000 });
  await expect(first.locator('.presence')).toHaveText('1 person here');
  // The same person in a second tab, and the partner on the itinerary: still one here.
  await second.goto(`/p/${id}/agreement`);
  await elsewhere.goto(`/p/${id}/itinerary/B`);
  await expect(second.locator('.presence')).toHaveText('1 person here', { timeout: 20_000 });
  await expect(elsewhere.locator('.day').first()).toBeVisible({ timeout: 20_000 });
  await expect(first.locator('.presence')).toHaveText('1 person here');
  await partner.goto(`/p/${id}/agreement`);
  await expect(first.locator('.presence')).toHaveText('2 people here', { timeout: 20_000 });
  await expect(partner.locator('.presence')).toHaveText('此处有 2 人', { timeout: 20_000 });
  await partner.close();
  await expect(first.locator('.presence')).toHaveText('1 person here');
});

test('the formatting toolbar formats for both schools and is one Tab stop', async ({ browser }) => {
  const { a, b, id } = await bothCoordinators(browser, server.url);
  const writer = await a.newPage();
  const partner = await b.newPage();
  await writer.goto(`/p/${id}/agreement`);
  await partner.goto(`/p/${id}/agreement`);
  const english = writer.getByRole('textbox', {
    name: 'Purpose of the partnership, English version',
  });
  await english.click();
  await writer.keyboard.type('Both schools ');
  const toolbar = writer.getByRole('toolbar', { name: /Purpose of the partnership, English/ });
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await writer.keyboard.type('learn');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    partner.getByRole('textbox', { name: '合作目的，英语版本' }).locator('strong'),
  ).toHaveText('learn');
  // One Tab stop: arrows move between the buttons.
  await toolbar.getByRole('button', { name: 'Bold' }).focus();
  await writer.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  await writer.keyboard.press('ArrowRight');
  await writer.keyboard.press('Enter');
  await expect(english.locator('ul li')).toHaveCount(1);
  // Readers get no toolbar.
  await expect(partner.getByRole('toolbar', { name: /英语/ })).toHaveCount(0);
});

test('the browser gets the client compressed', async ({ browser }) => {
  const { a, id } = await bothCoordinators(browser, server.url);
  const page = await a.newPage();
  const encodings: string[] = [];
  page.on('response', (response) => {
    const headers = response.headers();
    // Files under 1 KiB are sent as they are: compressing them saves nothing.
    const isSmall = Number(headers['content-length']) < 1024;
    if (/\.(js|css)$/.test(new URL(response.url()).pathname) && !isSmall) {
      encodings.push(headers['content-encoding'] ?? 'none');
    }
  });
  await page.goto(`/p/${id}/agreement`);
  await expect(page.locator('li.clause').first()).toBeVisible();
  expect(encodings.length).toBeGreaterThan(0);
  for (const encoding of encodings) expect(['br', 'gzip']).toContain(encoding);
});

test('every built file comes compressed as asked, and decodes to the file itself', async () => {
  const dist = path.resolve(import.meta.dirname, '../client/dist');
  const files = fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const built = fs.readFileSync(file);
    const address = `/${path.relative(dist, file).split(path.sep).join('/')}`;
    const isCompressed = fs.existsSync(`${file}.br`);
    for (const [asked, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const { headers, body } = await rawGet(server.port, address, asked);
      expect(headers.vary ?? '', address).toMatch(/Accept-Encoding/i);
      if (isCompressed) {
        expect(headers['content-encoding'], address).toBe(asked);
        expect(decode(body).equals(built), address).toBe(true);
      } else {
        expect(headers['content-encoding'], address).toBeUndefined();
        expect(body.equals(built), address).toBe(true);
      }
    }
  }
});

/** A GET with one Accept-Encoding, its body as sent (Node's fetch would decode it). */
function rawGet(
  port: number,
  address: string,
  encoding: string,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: address, headers: { 'Accept-Encoding': encoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on('error', reject);
  });
}
