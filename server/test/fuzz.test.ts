import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir } from './helpers';
import { type Person, call, twoSchools } from './people';

const ROUTES = [
  '/api/health',
  '/api/accounts',
  '/api/sessions',
  '/api/me',
  '/api/me/password',
  '/api/partnerships',
  '/api/partnerships/:id',
  '/api/partnerships/:id/sides/:side',
  '/api/partnerships/:id/invites',
  '/api/partnerships/:id/invites/:x',
  '/api/partnerships/:id/members/:x',
  '/api/partnerships/:id/agreement/clauses',
  '/api/partnerships/:id/agreement/clauses/:x/align',
  '/api/partnerships/:id/agreement/clauses/:x/approve',
  '/api/partnerships/:id/agreement/prevailing',
  '/api/partnerships/:id/agreement/versions',
  '/api/partnerships/:id/agreement/versions/:x',
  '/api/partnerships/:id/agreement.pdf',
  '/api/partnerships/:id/prompts',
  '/api/partnerships/:id/prompts/:x/dismissal',
  '/api/partnerships/:id/signing',
  '/api/partnerships/:id/signing/signatures',
  '/api/partnerships/:id/amendment',
  '/api/partnerships/:id/inbox',
  '/api/partnerships/:id/authorship',
  '/api/partnerships/:id/itineraries/:side.ics',
  '/api/partnerships/:id/itineraries/:side.pdf',
  '/api/partnerships/:id/itineraries/:side/items/:x/vote',
  '/api/partnerships/:id/itineraries/:side/proposals',
  '/api/invites/:x',
  '/api/invites/:x/accept',
  '/api/verify',
  '/api/nope/:x',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'BREW'];

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

describe('fuzzing the API', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
  });
  afterAll(() => server.close());

  it('survives 10,000 random requests, then answers and loads every document', async () => {
    const { next, pick } = random(20261201);
    const segments = () =>
      pick([
        id,
        id,
        'A',
        'B',
        'C',
        'purpose',
        '%E0%A4%A',
        '%00',
        '..%2F..%2Fetc%2Fpasswd',
        'x'.repeat(300),
        '不存在',
        '%F0%9F%98%80',
        String(Math.floor(next() * 1e9)),
      ]);
    const values = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      'x'.repeat(5000),
      'A',
      'B',
      'coordinator',
      'en',
      'zh-Hans',
      'Mars/Base',
      '<script>alert(1)</script>',
      { __proto__: { admin: true } },
      [],
      [1, 2],
    ];
    const keys = [
      'email',
      'password',
      'name',
      'language',
      'side',
      'role',
      'sideA',
      'sideB',
      'prevailing',
      'reason',
      'hash',
      'consent',
      'typed',
      'vote',
      'title',
      'date',
      'kind',
      'lang',
      'currentPassword',
      'newPassword',
      'maxUses',
      'expiresInHours',
      '__proto__',
      'constructor',
    ];
    const body = () => {
      const kind = next();
      if (kind < 0.2) return undefined;
      if (kind < 0.35) return '{"unterminated": ';
      if (kind < 0.45)
        return Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256)));
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) object[pick(keys)] = pick(values);
      return JSON.stringify(object);
    };
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {};
      if (next() < 0.6)
        h.Cookie = pick([coordinatorA.cookie, coordinatorB.cookie, 'tandem_session=forged', '']);
      if (next() < 0.5)
        h['Content-Type'] = pick([
          'application/json',
          'application/pdf',
          'text/plain',
          'multipart/form-data; boundary=x',
        ]);
      if (next() < 0.1) h.Origin = pick(['http://evil.example', base, 'null']);
      if (next() < 0.1) h['X-Forwarded-For'] = '1.2.3.4';
      return h;
    };

    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < 10_000) {
        sent++;
        const method = pick(METHODS);
        const path = pick(ROUTES).replace(/:\w+/g, segments);
        const payload = method === 'GET' || method === 'HEAD' ? undefined : body();
        try {
          const res = await fetch(base + path, {
            method,
            headers: headers(),
            body: payload === undefined ? undefined : new Uint8Array(Buffer.from(payload)),
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) serverErrors.push(`${method} ${path} → ${res.status}`);
        } catch (error) {
          // fetch itself refuses some methods (TRACE) and malformed requests: not the server's doing.
          if (!(error instanceof TypeError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
    const relogin = await call(base, 'POST', '/api/sessions', {
      email: coordinatorA.email,
      password: 'a long passphrase 42',
    });
    const cookie = (relogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(relogin.status).toBe(200);
    for (const document of DOCUMENT_NAMES) {
      const provider = connectClient(server.port, `${id}/${document}`, { cookie });
      await synced(provider);
      provider.destroy();
    }
  }, 180_000);
});
