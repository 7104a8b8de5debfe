import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir } from './helpers';
import { call } from './people';

const newAccount = (n: number) => ({
  email: `person${n}@school.example`,
  name: `Person ${n}`,
  password: `a long passphrase for number ${n} of us`,
  language: 'en',
});

/** Password hashing (128 MiB of scrypt each) cannot be used to exhaust the server. */
describe('password hashing limits', () => {
  let server: TandemServer;
  afterEach(() => server.close());

  it('limits new accounts per address, answering 429 with Retry-After', async () => {
    server = await startTestServer(tempDataDir(), { signUpsPerAddressPerHour: 3 });
    const base = `http://127.0.0.1:${server.port}`;
    for (const n of [1, 2, 3]) {
      expect((await call(base, 'POST', '/api/accounts', newAccount(n))).status).toBe(201);
    }
    const refused = await fetch(`${base}/api/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify(newAccount(4)),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('answers a crowd of sign-ins at once with 429 beyond a few hashes at a time', async () => {
    // Each from its own address (through a trusted proxy), so no per-address delay applies:
    // only the bound on hashing at once can refuse them.
    server = await startTestServer(tempDataDir(), { scryptCost: 2 ** 14, trustedProxies: 1 });
    const base = `http://127.0.0.1:${server.port}`;
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async (_, n) => {
        const res = await fetch(`${base}/api/sessions`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Origin: base,
            'X-Forwarded-For': `203.0.113.${n + 1}`,
          },
          body: JSON.stringify({
            email: `nobody${n}@school.example`,
            password: 'not a real password at all',
          }),
        });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // The server still answers normally afterwards.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
