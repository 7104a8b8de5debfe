import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { openDatabase } from '../src/storage/sqlite/database';
import { closeCode, rawSocket, startTestServer, tempDataDir } from './helpers';
import { call, createPartnership, signUp } from './people';

const PASSWORD = 'a long passphrase 42';

describe('sign-in attacks', () => {
  let server: TandemServer;
  let base: string;
  async function start(overrides = {}) {
    server = await startTestServer(tempDataDir(), overrides);
    base = `http://127.0.0.1:${server.port}`;
  }
  afterEach(() => server.close());

  it('counts each guess before hashing: of 25 concurrent wrong guesses only the first few are evaluated', async () => {
    await start();
    const person = await signUp(base);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(base, 'POST', '/api/sessions', { email: person.email, password: `wrong guess ${i}!` }),
      ),
    );
    const evaluated = answers.filter((a) => a.status === 401).length;
    const limited = answers.filter((a) => a.status === 429);
    // One typo is free, then 1, 2, 4… s: even on a slow machine only the first few count.
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(limited.length).toBe(25 - evaluated);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited[0]?.body).toMatchObject({
      error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) as number },
    });
  });

  it('slows a guesser down without locking the real person out from their own address', async () => {
    await start({ trustedProxies: 1 });
    const person = await signUp(base);
    const from = (address: string, password: string) =>
      call(base, 'POST', '/api/sessions', { email: person.email, password }, null, {
        'X-Forwarded-For': address,
      });
    for (let i = 0; i < 3; i++) await from('203.0.113.9', 'wrong guess!');
    expect((await from('203.0.113.9', PASSWORD)).status).toBe(429);
    // The real person, elsewhere, signs in at once.
    expect((await from('198.51.100.7', PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUSTED_PROXY says a proxy sets it', async () => {
    await start();
    const person = await signUp(base);
    for (let i = 0; i < 3; i++) {
      await call(base, 'POST', '/api/sessions', { email: person.email, password: 'wrong!' }, null, {
        'X-Forwarded-For': `198.51.100.${i}`,
      });
    }
    const next = await call(
      base,
      'POST',
      '/api/sessions',
      { email: person.email, password: PASSWORD },
      null,
      {
        'X-Forwarded-For': '198.51.100.99',
      },
    );
    expect(next.status).toBe(429);
  });

  it('refuses guessable passwords and says why', async () => {
    await start();
    for (const [password, reason] of [
      ['password12', 'common'],
      ['abcdefghijk', 'sequence'],
      ['1234567890', 'common'],
      ['aaaaaaaaaaaa', 'repeated'],
      ['short', 'tooShort'],
      ['zxcvbnm,./', 'keyboard'],
    ] as const) {
      const res = await call(base, 'POST', '/api/accounts', {
        email: `weak-${reason}@school.example`,
        password,
        name: 'Mei Chen',
        language: 'zh-Hans',
      });
      expect(res.status, password).toBe(400);
      expect(res.body, password).toMatchObject({ error: { code: 'WEAK_PASSWORD', reason } });
    }
    const personal = await call(base, 'POST', '/api/accounts', {
      email: 'meichen2027@school.example',
      password: 'meichen2027',
      name: 'Mei Chen',
      language: 'zh-Hans',
    });
    expect(personal.body).toMatchObject({ error: { code: 'WEAK_PASSWORD' } });
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    await start();
    const { id, coordinatorA } = await createPartnership(base);
    const other = await call(base, 'POST', '/api/sessions', {
      email: coordinatorA.email,
      password: PASSWORD,
    });
    const otherCookie = (other.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ws = await rawSocket(server.port, `${id}/agreement`, { cookie: otherCookie });
    const closed = closeCode(ws);
    const change = (currentPassword: string, newPassword: string) =>
      call(base, 'POST', '/api/me/password', { currentPassword, newPassword }, coordinatorA);
    expect((await change('not my password', 'another long passphrase 7')).status).toBe(401);
    expect((await change(PASSWORD, 'password12')).body).toMatchObject({
      error: { code: 'WEAK_PASSWORD', reason: 'common' },
    });
    expect((await change(PASSWORD, 'another long passphrase 7')).status).toBe(204);
    expect(await closed).toBe(4401);
    expect(
      (await call(base, 'GET', '/api/me', undefined, { ...coordinatorA, cookie: otherCookie }))
        .status,
    ).toBe(401);
    expect((await call(base, 'GET', '/api/me', undefined, coordinatorA)).status).toBe(200);
    const old = await call(base, 'POST', '/api/sessions', {
      email: coordinatorA.email,
      password: PASSWORD,
    });
    expect(old.status).toBe(401);
    const fresh = await call(base, 'POST', '/api/sessions', {
      email: coordinatorA.email,
      password: 'another long passphrase 7',
    });
    expect(fresh.status).toBe(200);
  });

  it('purges expired sessions', async () => {
    const dataDir = tempDataDir();
    server = await startTestServer(dataDir, { sessionTtlMs: 50 });
    await signUp(`http://127.0.0.1:${server.port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    server = await startTestServer(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const db = openDatabase(dataDir);
    const left = db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number };
    db.close();
    expect(left.n).toBe(0);
  });
});
