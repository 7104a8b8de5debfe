import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { percentile } from './clients';
import { median } from './measures';
import { onEveryCore } from './pinning';
import { startTandem } from './processes';
import { tandemAccount } from './targets';

/**
 * The person's view of speed, in a real Chromium against the real server: what a first visit
 * to the agreement transfers, how soon a clause can be typed in (plainly and on a weak school
 * connection), and how long a keystroke takes to show in the partner's browser.
 */

/** Debian's Chromium (`npx playwright install` cannot download here); CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The weak connection of the targets: 1.6 Mbit/s down, 150 ms round trip, CPU 4× slower. */
const WEAK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

export interface BrowserFigures {
  /** Bytes on the wire (compressed, headers included) of a first visit: all, and scripts. */
  firstLoadKiB: number;
  scriptKiB: number;
  editableMs: number;
  editableWeakMs: number;
  typingP50: number;
  typingP90: number;
}

/** The English purpose clause, once it takes typing. */
const EDITABLE =
  '[aria-label="Purpose of the partnership, English version"][contenteditable="true"]';

async function signedInContext(browser: Browser, url: string, cookie: string) {
  const context = await browser.newContext({ baseURL: url, locale: 'en-US' });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url }]);
  return context;
}

/**
 * Notes in the page the moment the clause first takes typing, at the frame that paints it (from
 * the start of navigation): Playwright's own wait notices it later, by up to a few hundred ms
 * with the CPU slowed, which is the bench's delay and not the person's.
 */
const NOTE_EDITABLE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector(${JSON.stringify(EDITABLE)})) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__editableAt = performance.now(); });
  }).observe(document, { subtree: true, childList: true, attributes: true });`;

/** A first visit in a fresh context: bytes received and the time until a clause is editable. */
async function firstVisit(
  context: BrowserContext,
  path: string,
  isWeak: boolean,
): Promise<{ ms: number; bytes: number; scriptBytes: number }> {
  const page = await context.newPage();
  await page.addInitScript(NOTE_EDITABLE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (isWeak) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...WEAK });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const types = new Map<string, string>();
  let bytes = 0;
  let scriptBytes = 0;
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') scriptBytes += event.encodedDataLength;
  });
  await page.goto(path, { waitUntil: 'commit' });
  const editableAt = () => (window as unknown as { __editableAt?: number }).__editableAt;
  await page.waitForFunction(editableAt, null, { timeout: 60_000 });
  const ms = Number(await page.evaluate(editableAt));
  // Whatever the page still fetches once editable (the service worker's copies) is not part
  // of the visit: count what arrived by then.
  const counted = { ms, bytes, scriptBytes };
  await page.close();
  return counted;
}

/** Keystrokes in one browser until they show in the other's editor, in ms. */
async function typingLatency(a: Page, b: Page, keystrokes: number): Promise<number[]> {
  await a.locator(EDITABLE).click();
  await b.locator(EDITABLE).waitFor();
  await b.evaluate((selector) => {
    const editor = document.querySelector(selector);
    const seen: Record<string, number> = {};
    (window as unknown as { seen: Record<string, number> }).seen = seen;
    new MutationObserver(() => {
      const text = editor?.textContent ?? '';
      for (const match of text.matchAll(/k(\d+);/g)) {
        seen[match[1] ?? ''] ??= performance.timeOrigin + performance.now();
      }
    }).observe(editor as Node, { subtree: true, childList: true, characterData: true });
  }, EDITABLE);
  // Each `;` completes a token: the moment its key goes down in A is when it was sent.
  await a.evaluate(() => {
    const sent: number[] = [];
    (window as unknown as { sent: number[] }).sent = sent;
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === ';') sent.push(performance.timeOrigin + performance.now());
      },
      { capture: true },
    );
  });
  for (let i = 0; i < keystrokes; i++) {
    await a.keyboard.type(`k${i};`);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  await b.waitForFunction(
    (n) => Object.keys((window as unknown as { seen: object }).seen).length >= n,
    keystrokes,
    { timeout: 30_000 },
  );
  const seen = await b.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
  const sentAt = await a.evaluate(() => (window as unknown as { sent: number[] }).sent);
  return sentAt.map((at, i) => Math.max(0, (seen[String(i)] ?? at) - at));
}

export async function browserFigures(rounds: number, keystrokes: number): Promise<BrowserFigures> {
  const server = await startTandem();
  const browser = await onEveryCore(() =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  );
  try {
    const account = await tandemAccount(server.url);
    const id = await account.partnership();
    const path = `/p/${id}/agreement`;
    // The server seeds the template on the first visit: one visit first, measured after.
    const warm = await signedInContext(browser, server.url, account.cookie);
    await firstVisit(warm, path, false);
    await warm.close();
    const visits = async (isWeak: boolean) => {
      const results = [];
      for (let round = 0; round < rounds; round++) {
        const context = await signedInContext(browser, server.url, account.cookie);
        results.push(await firstVisit(context, path, isWeak));
        await context.close();
      }
      return results;
    };
    const plain = await visits(false);
    const weak = await visits(true);
    const [one, two] = [
      await signedInContext(browser, server.url, account.cookie),
      await signedInContext(browser, server.url, account.cookie),
    ];
    const [a, b] = [await one.newPage(), await two.newPage()];
    await Promise.all([a.goto(path), b.goto(path)]);
    const typing = await typingLatency(a, b, keystrokes);
    return {
      firstLoadKiB: median(plain.map((v) => v.bytes)) / 1024,
      scriptKiB: median(plain.map((v) => v.scriptBytes)) / 1024,
      editableMs: median(plain.map((v) => v.ms)),
      editableWeakMs: median(weak.map((v) => v.ms)),
      typingP50: percentile(typing, 50),
      typingP90: percentile(typing, 90),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
