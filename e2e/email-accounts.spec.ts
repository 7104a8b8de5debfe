import { expect, test } from '@playwright/test';
import { linkToken, mailsWithLink, startSmtp } from '../server/test/smtp';
import { SCHOOL_A, SCHOOL_B } from './support/people';
import { TestServer } from './support/server';

/**
 * Stories with a real SMTP server. A coordinator invites the partner school's coordinator by
 * email; he follows the link from the Chinese mail he received and joins. A coordinator invites
 * a teacher by email; she signs up from the link, confirms her address from the mail that
 * follows, later resets her password, signs in with the new one, and finally deletes her
 * account. And: someone who forgot her password asks for a link from the sign-in page, follows
 * it, chooses a new password and is signed in; the browser she had left signed in elsewhere is
 * signed out, and the link works only once.
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

  await expect.poll(() => mailsWithLink(smtp.received, email, 'reset').length).toBe(1);
  const link = `/reset/${linkToken(mailsWithLink(smtp.received, email, 'reset')[0]?.raw ?? '', 'reset')}`;

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

test('an invitation sent by email arrives in the invited school’s language and lets him join', async ({
  browser,
}) => {
  const a = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  const signedUp = await a.request.post('/api/accounts', {
    data: {
      email: `ana-${Date.now()}@school.example`,
      password: 'a long passphrase 42',
      name: 'Ana Alvarez',
      language: 'en',
    },
  });
  expect(signedUp.status()).toBe(201);
  const created = await a.request.post('/api/partnerships', {
    data: { sideA: SCHOOL_A, sideB: SCHOOL_B },
  });
  const { id } = (await created.json()) as { id: string };
  const page = await a.newPage();
  await page.goto(`/p/${id}`);
  await page.getByRole('link', { name: /Invite the partner school/ }).click();
  const address = `wang-${Date.now()}@hz2.example`;
  await page.getByLabel('Email addresses (optional)').fill(address);
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Sent to ${address}` })).toBeVisible();
  // The link stays copyable, and the open invitation names the address.
  await expect(page.getByRole('textbox', { name: /Invitation link/ })).toHaveValue(/\/invite\//);
  await expect(page.getByRole('region', { name: 'Open invitations' })).toContainText(address);

  await expect.poll(() => smtp.received.filter((m) => m.to === address).length).toBe(1);
  const raw = smtp.received.find((m) => m.to === address)?.raw ?? '';
  const link = /\/invite\/[\w-]{40,}/.exec(raw.replace(/=\r?\n/g, ''))?.[0] ?? '';
  expect(link).not.toBe('');

  const b = await (await browser.newContext({ baseURL: server.url, locale: 'zh-CN' })).newPage();
  await b.goto(link);
  await expect(b.getByRole('heading', { name: '您收到了邀请' })).toBeVisible();
  await b.getByLabel('您的姓名').fill('王波');
  await b.getByLabel('电子邮箱').fill(address);
  await b.getByLabel('密码').fill('我们的合作伙伴关系很长久');
  await b.getByRole('button', { name: '创建账户' }).click();
  await b.getByRole('button', { name: '加入合作项目' }).click();
  await expect(b.locator('.members [data-member="王波"]')).toContainText('（您）');
});

test('an invited teacher signs up, confirms her address, resets her password and leaves', async ({
  browser,
}) => {
  const stamp = Date.now();
  const coordinator = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  await coordinator.request.post('/api/accounts', {
    data: {
      email: `lee-${stamp}@lincoln.example`,
      password: 'a long passphrase 42',
      name: 'Lee Coordinator',
      language: 'en',
    },
  });
  const created = await coordinator.request.post('/api/partnerships', {
    data: { sideA: SCHOOL_A, sideB: SCHOOL_B },
  });
  const { id } = (await created.json()) as { id: string };
  const lee = await coordinator.newPage();
  await lee.goto(`/p/${id}`);
  await lee.getByLabel('School', { exact: true }).selectOption({ label: SCHOOL_A.name });
  await lee.getByLabel('Role', { exact: true }).selectOption({ label: 'Teacher' });
  const email = `mia-${stamp}@lincoln.example`;
  await lee.getByLabel('Email addresses (optional)').fill(email);
  await lee.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(lee.getByRole('status').filter({ hasText: `Sent to ${email}` })).toBeVisible();

  await expect.poll(() => smtp.received.filter((m) => m.to === email).length).toBe(1);
  const invite = linkToken(smtp.received.find((m) => m.to === email)?.raw ?? '', 'invite');
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
  const mia = await context.newPage();
  await mia.goto(`/invite/${invite}`);
  await mia.getByLabel('Your name').fill('Mia Teacher');
  await mia.getByLabel('Email').fill(email);
  await mia.getByLabel('Password').fill('a long passphrase 42');
  await mia.getByRole('button', { name: 'Create account' }).click();
  await mia.getByRole('button', { name: 'Join the partnership' }).click();
  await expect(mia.locator('.members [data-member="Mia Teacher"]')).toContainText('Teacher');

  // Until she confirms, her home page and account page say so.
  await mia.goto('/');
  await expect(mia.getByRole('status')).toContainText(`we sent a link to ${email}`);
  await mia.getByRole('link', { name: 'Send it again or change the address' }).click();
  await expect(mia.getByText('Not confirmed yet')).toBeVisible();

  await expect.poll(() => mailsWithLink(smtp.received, email, 'confirm').length).toBe(1);
  const confirm = linkToken(
    mailsWithLink(smtp.received, email, 'confirm')[0]?.raw ?? '',
    'confirm',
  );
  await mia.goto(`/confirm/${confirm}`);
  await expect(mia.getByRole('status')).toContainText(`${email} is confirmed.`);
  await mia.getByRole('link', { name: 'Back to your account' }).click();
  await expect(mia.getByText('Confirmed', { exact: true })).toBeVisible();
  // The link is spent.
  await mia.goto(`/confirm/${confirm}`);
  await expect(mia.getByRole('alert')).toContainText(
    'This confirmation link does not work any more',
  );

  // Later she forgets her password.
  await mia.goto('/');
  await mia.getByRole('button', { name: 'Sign out' }).click();
  await mia.getByRole('link', { name: 'Forgot your password?' }).click();
  await mia.getByLabel('Email').fill(email);
  await mia.getByRole('button', { name: 'Send the link' }).click();
  await expect.poll(() => mailsWithLink(smtp.received, email, 'reset').length).toBe(1);
  const reset = linkToken(mailsWithLink(smtp.received, email, 'reset')[0]?.raw ?? '', 'reset');
  await mia.goto(`/reset/${reset}`);
  await mia.getByLabel('New password').fill('a brand new passphrase 77');
  await mia.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(mia.getByText('Signed in as Mia Teacher')).toBeVisible();
  await mia.getByRole('button', { name: 'Sign out' }).click();
  await mia.getByLabel('Email').fill(email);
  await mia.getByLabel('Password').fill('a brand new passphrase 77');
  await mia.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(mia.getByText('Signed in as Mia Teacher')).toBeVisible();

  // She leaves: a wrong password changes nothing; the right one ends her account.
  await mia.getByRole('link', { name: 'Your account' }).click();
  const leaving = mia.locator('form').filter({ hasText: 'Delete your account' });
  await leaving.getByLabel('Current password').fill('not my password at all');
  await leaving.getByRole('button', { name: 'Delete my account' }).click();
  await mia.getByRole('alertdialog').getByRole('button', { name: 'Delete my account' }).click();
  await expect(leaving.getByRole('alert')).toBeVisible();
  await leaving.getByLabel('Current password').fill('a brand new passphrase 77');
  await leaving.getByRole('button', { name: 'Delete my account' }).click();
  await mia.getByRole('alertdialog').getByRole('button', { name: 'Delete my account' }).click();
  await expect(mia.getByRole('status')).toContainText('Your account was deleted');
  await expect(mia.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The coordinator, the school's only one, is told to hand over first.
  await lee.goto('/account');
  const hers = lee.locator('form').filter({ hasText: 'Delete your account' });
  await hers.getByLabel('Current password').fill('a long passphrase 42');
  await hers.getByRole('button', { name: 'Delete my account' }).click();
  await lee.getByRole('alertdialog').getByRole('button', { name: 'Delete my account' }).click();
  await expect(hers.getByRole('alert')).toContainText('A school needs at least one coordinator');
  await expect(hers.getByRole('link', { name: new RegExp(SCHOOL_A.name) })).toHaveAttribute(
    'href',
    `/p/${id}`,
  );
});
