import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir } from './helpers';
import { call, PASSWORD, signUp, type Person } from './people';

const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('signed-in devices', () => {
  let server: TandemServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  async function signInFrom(email: string, userAgent: string): Promise<Person> {
    const res = await call(base, 'POST', '/api/sessions', { email, password: PASSWORD }, null, {
      'User-Agent': userAgent,
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { cookie, email, accountId: '' };
  }

  type Device = { id: string; device: string; createdAt: number; isThis: boolean };
  const devices = async (person: Person) =>
    (await call(base, 'GET', '/api/me/sessions', undefined, person)).body as Device[];

  it('lists each device by browser and system, and signs one out', async () => {
    const mia = await signUp(base, 'Mia Devices');
    const laptop = await signInFrom(mia.email, FIREFOX_WINDOWS);
    const phone = await signInFrom(mia.email, SAFARI_IPHONE);
    const seen = await devices(laptop);
    expect(seen).toHaveLength(3);
    expect(seen.map((d) => d.device)).toEqual(
      expect.arrayContaining(['Firefox · Windows', 'Safari · iOS']),
    );
    expect(seen.filter((d) => d.isThis).map((d) => d.device)).toEqual(['Firefox · Windows']);
    // Ids are short: never a whole token hash.
    for (const d of seen) expect(d.id).toMatch(/^[0-9a-f]{16}$/);

    const phoneId = seen.find((d) => d.device === 'Safari · iOS')?.id ?? '';
    const ended = await call(base, 'DELETE', `/api/me/sessions/${phoneId}`, undefined, laptop);
    expect(ended.status).toBe(204);
    expect((await call(base, 'GET', '/api/me', undefined, phone)).status).toBe(401);
    expect((await call(base, 'GET', '/api/me', undefined, laptop)).status).toBe(200);
    expect(await devices(laptop)).toHaveLength(2);
  });

  it('lets nobody see or end another person’s devices', async () => {
    const owner = await signUp(base, 'Owner');
    const stranger = await signUp(base, 'Stranger');
    const [own] = await devices(owner);
    const tried = await call(base, 'DELETE', `/api/me/sessions/${own?.id}`, undefined, stranger);
    expect(tried.status).toBe(404);
    expect((await call(base, 'GET', '/api/me', undefined, owner)).status).toBe(200);
    expect((await call(base, 'GET', '/api/me/sessions')).status).toBe(401);
    expect((await call(base, 'DELETE', `/api/me/sessions/${own?.id}`)).status).toBe(401);
  });
});
