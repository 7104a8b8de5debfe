import type { Browser, BrowserContext } from '@playwright/test';

const PASSWORD = 'a long passphrase 42';
let counter = 0;

export const SCHOOL_A = {
  name: 'Lincoln High School',
  city: 'Portland',
  country: 'US',
  timeZone: 'America/Los_Angeles',
  language: 'en',
};
export const SCHOOL_B = {
  name: '杭州第二中学',
  city: 'Hangzhou',
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  language: 'zh-Hans',
};

/** A browser context signed in as a new account (set up through the API, as a shortcut). */
export async function personContext(
  browser: Browser,
  baseUrl: string,
  name: string,
  locale: string,
  language: string,
  timezoneId?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, baseURL: baseUrl, timezoneId });
  const email = `e2e${++counter}-${Date.now()}@school.example`;
  const res = await context.request.post('/api/accounts', {
    data: { email, password: PASSWORD, name, language },
  });
  if (res.status() !== 201) throw new Error(`sign-up failed: ${await res.text()}`);
  return context;
}

/** Coordinator A creates a partnership and coordinator B joins it; returns its id. */
export async function partnershipOf(
  a: BrowserContext,
  b: BrowserContext,
  sideB: typeof SCHOOL_B = SCHOOL_B,
): Promise<string> {
  const created = await a.request.post('/api/partnerships', {
    data: { sideA: SCHOOL_A, sideB },
  });
  const { id } = (await created.json()) as { id: string };
  const invite = await a.request.post(`/api/partnerships/${id}/invites`, {
    data: { side: 'B', role: 'coordinator' },
  });
  const { token } = (await invite.json()) as { token: string };
  const accepted = await b.request.post(`/api/invites/${token}/accept`);
  if (accepted.status() !== 200) throw new Error(`accept failed: ${await accepted.text()}`);
  return id;
}

/**
 * The people most stories start with: Ana Alvarez, coordinator of the US school, browsing in
 * English, and 王波, coordinator of the Chinese school, browsing in Chinese, in one partnership.
 */
export async function bothCoordinators(
  browser: Browser,
  baseUrl: string,
): Promise<{ a: BrowserContext; b: BrowserContext; id: string }> {
  const a = await personContext(browser, baseUrl, 'Ana Alvarez', 'en-US', 'en');
  const b = await personContext(browser, baseUrl, '王波', 'zh-CN', 'zh-Hans');
  return { a, b, id: await partnershipOf(a, b) };
}

/** `joiner` accepts an invitation made by `owner` (a coordinator) to `side` as `role`. */
export async function joinAs(
  owner: BrowserContext,
  joiner: BrowserContext,
  id: string,
  side: 'A' | 'B',
  role: string,
): Promise<void> {
  const invite = await owner.request.post(`/api/partnerships/${id}/invites`, {
    data: { side, role },
  });
  const { token } = (await invite.json()) as { token: string };
  const accepted = await joiner.request.post(`/api/invites/${token}/accept`);
  if (accepted.status() !== 200) throw new Error(`accept failed: ${await accepted.text()}`);
}
