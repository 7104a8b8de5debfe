import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  databaseUrlFor,
  rawSocket,
  startTestServer,
  TEST_ENGINE,
  tempDataDir,
} from './helpers';
import { call, createPartnership, signUp } from './people';

const PASSWORD = 'a long passphrase 42';

/** Everything the installation keeps on disk of accounts and sessions, as bytes. */
async function storedBytes(dataDir: string): Promise<Buffer> {
  if (TEST_ENGINE === 'sqlite') return fs.readFileSync(path.join(dataDir, 'tandem.sqlite'));
  const pool = new pg.Pool({ connectionString: await databaseUrlFor(dataDir), max: 1 });
  try {
    const accounts = await pool.query('SELECT * FROM accounts');
    const sessions = await pool.query('SELECT * FROM sessions');
    return Buffer.from(JSON.stringify([accounts.rows, sessions.rows]));
  } finally {
    await pool.end();
  }
}

describe('accounts and sessions', () => {
  let server: TandemServer;
  let base: string;
  let dataDir: string;

  async function start(overrides = {}) {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir, overrides);
    base = `http://127.0.0.1:${server.port}`;
  }
  afterEach(() => server.close());

  const newAccount = (email: string, password = PASSWORD) => ({
    email,
    password,
    name: 'Mei Chen',
    language: 'zh-Hans',
  });

  it('signs up with a hashed password and an HttpOnly, SameSite=Lax session cookie', async () => {
    await start();
    const res = await call(base, 'POST', '/api/accounts', newAccount('Mei@School.example'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      account: { email: 'mei@school.example', language: 'zh-Hans' },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tandem_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = await call(base, 'GET', '/api/me', undefined, {
      email: '',
      accountId: '',
      cookie: cookie.split(';')[0] ?? '',
    });
    expect(me.body).toMatchObject({ account: { name: 'Mei Chen' }, memberships: [] });
    await server.close();
    expect((await storedBytes(dataDir)).includes(Buffer.from(PASSWORD))).toBe(false);
    server = await startTestServer(dataDir);
  });

  it('marks the cookie Secure when served over TLS', async () => {
    await start({ publicUrl: 'https://tandem.example' });
    const res = await call(base, 'POST', '/api/accounts', newAccount('tls@school.example'));
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('refuses a taken email (in any case), a weak password and a malformed body, creating nothing', async () => {
    await start();
    await call(base, 'POST', '/api/accounts', newAccount('taken@school.example'));
    const taken = await call(base, 'POST', '/api/accounts', newAccount('TAKEN@school.example'));
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'EMAIL_TAKEN' } } });

    for (const weak of ['short', 'aaaaaaaaaaaaaaa', 'weakling-is-me-123']) {
      const res = await call(
        base,
        'POST',
        '/api/accounts',
        newAccount('weakling@school.example', weak),
      );
      expect(res, weak).toMatchObject({ status: 400, body: { error: { code: 'WEAK_PASSWORD' } } });
    }
    const signIn = await call(base, 'POST', '/api/sessions', {
      email: 'weakling@school.example',
      password: 'short',
    });
    expect(signIn.status).toBe(401);

    const malformed = await call(base, 'POST', '/api/accounts', {
      email: 'not an email',
      password: PASSWORD,
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
  });

  it('signs in, and rate-limits repeated wrong passwords', async () => {
    await start();
    const person = await signUp(base);
    const wrong = await call(base, 'POST', '/api/sessions', {
      email: person.email,
      password: 'wrong password!',
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    const right = await call(base, 'POST', '/api/sessions', {
      email: person.email,
      password: PASSWORD,
    });
    expect(right.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      await call(base, 'POST', '/api/sessions', {
        email: person.email,
        password: 'wrong password!',
      });
    }
    const blocked = await call(base, 'POST', '/api/sessions', {
      email: person.email,
      password: PASSWORD,
    });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
  });

  it('signs out: the session stops working and its open connections close', async () => {
    await start();
    const { id, coordinatorA } = await createPartnership(base);
    const ws = await rawSocket(server.port, `${id}/agreement`, coordinatorA);
    const closed = closeCode(ws);
    const out = await call(base, 'DELETE', '/api/sessions', undefined, coordinatorA);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(await closed).toBe(4401);
    expect((await call(base, 'GET', '/api/me', undefined, coordinatorA)).status).toBe(401);
  });

  it('expires sessions, closing their open connections', async () => {
    await start({ sessionTtlMs: 1_000 });
    const { id, coordinatorA } = await createPartnership(base);
    expect((await call(base, 'GET', '/api/me', undefined, coordinatorA)).status).toBe(200);
    const ws = await rawSocket(server.port, `${id}/agreement`, coordinatorA);
    expect(await closeCode(ws)).toBe(4401);
    expect((await call(base, 'GET', '/api/me', undefined, coordinatorA)).status).toBe(401);
  });

  it('refuses state-changing calls from another origin', async () => {
    await start();
    const person = await signUp(base);
    const school = { name: 'X', city: 'Y', country: 'Z', timeZone: 'UTC', language: 'en' };
    const body = { sideA: school, sideB: school };
    const evil = await call(base, 'POST', '/api/partnerships', body, person, {
      Origin: 'https://evil.example',
    });
    expect(evil).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const own = await call(base, 'POST', '/api/partnerships', body, person, { Origin: base });
    expect(own.status).toBe(201);
  });

  it('lets a person change their name and UI language', async () => {
    await start();
    const person = await signUp(base);
    const res = await call(base, 'PATCH', '/api/me', { language: 'ar', name: 'Layla' }, person);
    expect(res.body).toMatchObject({ account: { language: 'ar', name: 'Layla' } });
    const bad = await call(base, 'PATCH', '/api/me', { language: 'klingon' }, person);
    expect(bad.status).toBe(400);
  });
});
