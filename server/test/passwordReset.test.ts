import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir, waitFor } from './helpers';
import { call, PASSWORD, signUp, type Person } from './people';
import { linkToken, mailsWithLink, startSmtp } from './smtp';

const NEW_PASSWORD = 'a different passphrase 77';

/** The reset link's token in a received mail. */
function tokenIn(raw: string): string {
  const token = linkToken(raw, 'reset');
  if (!token) throw new Error(`no reset link in:\n${raw}`);
  return token;
}

describe('password reset by email, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TandemServer;
  let base: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer(tempDataDir(), {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      notifyEveryMs: 3_600_000,
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server.close();
    await smtp.close();
  });

  const requestReset = (email: string) => call(base, 'POST', '/api/password-resets', { email });
  // Reset mails only: each new account also gets a confirmation mail.
  const mailsTo = (email: string) => mailsWithLink(smtp.received, email, 'reset');
  const signIn = (email: string, password: string) =>
    call(base, 'POST', '/api/sessions', { email, password });

  it('answers the same for an unknown address, and mails a known one in their language', async () => {
    const rosa = await signUp(base, 'Rosa Prieto', 'es');
    const known = await requestReset(rosa.email);
    const unknown = await requestReset('nobody-here@school.example');
    expect(known.status).toBe(202);
    expect({ status: unknown.status, body: unknown.body }).toEqual({
      status: known.status,
      body: known.body,
    });
    await waitFor(() => mailsTo(rosa.email).length === 1, 'the reset mail');
    const [mail] = mailsTo(rosa.email);
    expect(mail?.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Restablece/);
    expect(mail?.raw.replace(/=\r?\n/g, '')).toContain('Hola, Rosa Prieto');
    expect(mailsTo('nobody-here@school.example')).toHaveLength(0);
  });

  it('works once, keeps the link through a weak password, and signs every other session out', async () => {
    const ana = await signUp(base, 'Ana Reset');
    const laptop = await signIn(ana.email, PASSWORD);
    const laptopCookie = (laptop.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await requestReset(ana.email);
    await waitFor(() => mailsTo(ana.email).length === 1, 'the reset mail');
    const token = tokenIn(mailsTo(ana.email)[0]?.raw ?? '');

    const weak = await call(base, 'POST', `/api/password-resets/${token}`, { password: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'WEAK_PASSWORD' } });

    const done = await call(base, 'POST', `/api/password-resets/${token}`, {
      password: NEW_PASSWORD,
    });
    expect(done.status).toBe(200);
    const newCookie = (done.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(newCookie).not.toBe('');
    for (const cookie of [ana.cookie, laptopCookie]) {
      expect((await call(base, 'GET', '/api/me', undefined, { cookie } as Person)).status).toBe(
        401,
      );
    }
    expect(
      (await call(base, 'GET', '/api/me', undefined, { cookie: newCookie } as Person)).status,
    ).toBe(200);
    expect((await signIn(ana.email, PASSWORD)).status).toBe(401);
    expect((await signIn(ana.email, NEW_PASSWORD)).status).toBe(200);

    const again = await call(base, 'POST', `/api/password-resets/${token}`, {
      password: 'yet another passphrase 99',
    });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: 'RESET_LINK_INVALID' } });
    const forged = await call(base, 'POST', `/api/password-resets/${'x'.repeat(43)}`, {
      password: NEW_PASSWORD,
    });
    expect(forged.body).toMatchObject({ error: { code: 'RESET_LINK_INVALID' } });
  });

  it('expires after an hour', async () => {
    const bo = await signUp(base, 'Bo Expiry');
    await requestReset(bo.email);
    await waitFor(() => mailsTo(bo.email).length === 1, 'the reset mail');
    const token = tokenIn(mailsTo(bo.email)[0]?.raw ?? '');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60 * 1000 });
    try {
      const late = await call(base, 'POST', `/api/password-resets/${token}`, {
        password: NEW_PASSWORD,
      });
      expect(late.status).toBe(410);
    } finally {
      vi.useRealTimers();
    }
    expect((await signIn(bo.email, PASSWORD)).status).toBe(200);
  });

  it('mails one account at most three times an hour, whoever asks', async () => {
    const cy = await signUp(base, 'Cy Flood');
    for (let i = 0; i < 5; i++) expect((await requestReset(cy.email)).status).toBe(202);
    await waitFor(() => mailsTo(cy.email).length === 3, 'three mails');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(cy.email)).toHaveLength(3);
  });
});

describe('password reset without email', () => {
  it('says email is off instead of pretending to send', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    try {
      expect((await call(base, 'GET', '/api/password-resets')).body).toEqual({ isEmailOn: false });
      const refused = await call(base, 'POST', '/api/password-resets', {
        email: 'a@school.example',
      });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ error: { code: 'EMAIL_OFF' } });
    } finally {
      await server.close();
    }
  });
});
