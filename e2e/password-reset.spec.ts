import { expect, test } from '@playwright/test';
import { startSmtp } from '../server/test/smtp';
import { TestServer } from './support/server';

/**
 * Story: a teacher who forgot her password asks for a link from the sign-in page, follows it
 * from the mail she received (a real SMTP server), chooses a new password and is signed in;
 * the browser she had left signed in elsewhere is signed out, and the link works only once.
 */

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: TestServer;

test.beforeAll(async () => {
  smtp = await startSmtp();
  server = await TestServer.start({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
});

test.afterAll(async () => {
  await server.stop();
  await smtp.close();
});

test('a forgotten password is reset through the emailed link, once', async ({ browser }) => {
  const email = `reset-${Date.now()}@school.example`;
  const elsewhere = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  const created = await elsewhere.request.post('/api/accounts', {
    data: { email, password: 'a long passphrase 42', name: 'Mia Teacher', language: 'en' },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account uses ${email}`);

  await expect.poll(() => smtp.received.filter((m) => m.to === email).length).toBe(1);
  const raw = smtp.received.find((m) => m.to === email)?.raw ?? '';
  const link = /\/reset\/[\w-]{40,}/.exec(raw.replace(/=\r?\n/g, ''))?.[0] ?? '';
  expect(link).not.toBe('');

  await page.goto(link);
  await page.getByLabel('New password').fill('my brand new passphrase 2026');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page.getByText('Signed in as Mia Teacher')).toBeVisible();

  // The other browser's session ended with the reset.
  const other = await elsewhere.newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The link is spent: it now says so, in the page's language.
  const again = await context.newPage();
  await again.goto(link);
  await again.getByLabel('New password').fill('yet another passphrase 77');
  await again.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(again.getByText(/This reset link does not work any more/)).toBeVisible();

  // The new password signs in; the old one does not.
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Password').fill('a long passphrase 42');
  await other.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(other.getByText('The email or the password is wrong.')).toBeVisible();
  await other.getByLabel('Password').fill('my brand new passphrase 2026');
  await other.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(other.getByText('Signed in as Mia Teacher')).toBeVisible();
});
