import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startApertium, type Apertium } from './apertium';
import { startTestServer, tempDataDir } from './helpers';
import { call, join, signUp, twoSchools, type Person } from './people';

describe('machine translation through a real Apertium APy (P10)', () => {
  let apertium: Apertium;
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;

  beforeAll(async () => {
    apertium = await startApertium();
    server = await startTestServer(tempDataDir(), {
      translation: {
        url: apertium.url,
        api: 'apertium',
        key: null,
        limits: { perMemberPerHour: 6, perPartnershipPerHour: 9 },
      },
    });
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await apertium.stop();
  });

  const translate = (person: Person | null, body: unknown) =>
    call(base, 'POST', `/api/partnerships/${id}/translations`, body, person);

  it('offers the pairs the provider has, to members only', async () => {
    const offer = await call(
      base,
      'GET',
      `/api/partnerships/${id}/translations`,
      undefined,
      coordinatorA,
    );
    expect(offer.status).toBe(200);
    expect(offer.body).toMatchObject({ provider: 'apertium' });
    const pairs = (offer.body as { pairs: { from: string; to: string }[] }).pairs;
    expect(pairs).toContainEqual({ from: 'en', to: 'es' });
    expect(pairs).toContainEqual({ from: 'es', to: 'en' });
    const outsider = await signUp(base, 'Outsider');
    expect(
      (await call(base, 'GET', `/api/partnerships/${id}/translations`, undefined, outsider)).status,
    ).toBe(403);
    expect((await call(base, 'GET', `/api/partnerships/${id}/translations`)).status).toBe(401);
    expect((await translate(outsider, { text: 'Hello', from: 'en', to: 'es' })).status).toBe(403);
    expect((await translate(null, { text: 'Hello', from: 'en', to: 'es' })).status).toBe(401);
  });

  it('translates English to Spanish and back, flagged as machine text', async () => {
    const there = await translate(coordinatorA, {
      text: 'Both schools learn together.',
      from: 'en',
      to: 'es',
    });
    expect(there.status).toBe(200);
    expect(there.body).toMatchObject({
      provider: 'apertium',
      isMachine: true,
      from: 'en',
      to: 'es',
    });
    const spanish = (there.body as { text: string }).text;
    expect(spanish.toLowerCase()).toContain('escuelas');
    const back = await translate(coordinatorB, { text: spanish, from: 'es', to: 'en-US' });
    expect(back.status).toBe(200);
    expect((back.body as { text: string }).text.toLowerCase()).toContain('schools');
  });

  it('refuses an unsupported pair, a text too long and a malformed body with clear codes', async () => {
    const pair = await translate(coordinatorA, { text: 'Hello', from: 'en', to: 'zh-Hans' });
    expect(pair.status).toBe(422);
    expect(pair.body).toMatchObject({ error: { code: 'TRANSLATION_PAIR_UNSUPPORTED' } });
    const same = await translate(coordinatorA, { text: 'Hello', from: 'en', to: 'en' });
    expect(same.body).toMatchObject({ error: { code: 'TRANSLATION_PAIR_UNSUPPORTED' } });
    const long = await translate(coordinatorA, {
      text: 'word '.repeat(3_000),
      from: 'en',
      to: 'es',
    });
    expect(long.status).toBe(413);
    expect(long.body).toMatchObject({ error: { code: 'TRANSLATION_TOO_LONG' } });
    for (const body of [
      { text: 3, from: 'en', to: 'es' },
      { text: 'x', from: 'no such tag!', to: 'es' },
      {},
    ]) {
      expect((await translate(coordinatorA, body)).status).toBe(400);
    }
  });

  it('answers a repeated text from its cache, and limits provider calls per member and partnership', async () => {
    // Limits: 6 provider calls per member, 9 per partnership, per hour. The earlier tests made
    // two provider calls, one by each coordinator; this text is one of them, so cached.
    const cached = { text: 'Both schools learn together.', from: 'en', to: 'es' };
    for (let i = 0; i < 10; i++) expect((await translate(coordinatorA, cached)).status).toBe(200);
    const fresh = (n: number) => ({ text: `The school has ${n} teachers.`, from: 'en', to: 'es' });
    const answers = [];
    for (let n = 0; n < 6; n++) answers.push((await translate(coordinatorA, fresh(n))).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await translate(coordinatorA, fresh(99));
    expect(limited.body).toMatchObject({ error: { code: 'TRANSLATION_LIMIT' } });
    expect(
      (limited.body as { error: { retryAfterSeconds: number } }).error.retryAfterSeconds,
    ).toBeGreaterThan(0);
    // The cache still answers a limited member.
    expect((await translate(coordinatorA, cached)).status).toBe(200);
    // The partnership's limit counts everyone: B's teacher gets what is left of 9.
    const teacher = await join(base, coordinatorB, id, 'B', 'teacher');
    const byB = [];
    for (let n = 10; n < 14; n++) byB.push((await translate(teacher, fresh(n))).status);
    // 2 + 5 calls so far: two are left for the partnership.
    expect(byB).toEqual([200, 200, 429, 429]);
  });

  it('answers 503 TRANSLATION_UNAVAILABLE while the provider is stopped, and the offer is empty', async () => {
    const other = await startTestServer(tempDataDir(), {
      translation: {
        url: apertium.url,
        api: 'apertium',
        key: null,
        limits: { perMemberPerHour: 50, perPartnershipPerHour: 50 },
      },
    });
    const otherBase = `http://127.0.0.1:${other.port}`;
    try {
      const schools = await twoSchools(otherBase);
      const path = `/api/partnerships/${schools.id}/translations`;
      const before = await call(
        otherBase,
        'POST',
        path,
        { text: 'Good morning', from: 'en', to: 'es' },
        schools.coordinatorA,
      );
      expect(before.body).toMatchObject({ text: 'Buenos días' });
      await apertium.stop();
      const down = await call(
        otherBase,
        'POST',
        path,
        { text: 'Good evening', from: 'en', to: 'es' },
        schools.coordinatorA,
      );
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ error: { code: 'TRANSLATION_UNAVAILABLE' } });
      // What was translated before still comes from the cache.
      expect(
        (
          await call(
            otherBase,
            'POST',
            path,
            { text: 'Good morning', from: 'en', to: 'es' },
            schools.coordinatorA,
          )
        ).status,
      ).toBe(200);
      const offer = await call(otherBase, 'GET', path, undefined, schools.coordinatorA);
      expect(offer.body).toEqual({ provider: 'apertium', pairs: [] });
    } finally {
      await other.close();
    }
  });
});

describe('without a translation provider', () => {
  it('offers nothing and refuses to translate with TRANSLATION_OFF', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const { id, coordinatorA } = await twoSchools(base);
      const offer = await call(
        base,
        'GET',
        `/api/partnerships/${id}/translations`,
        undefined,
        coordinatorA,
      );
      expect(offer.body).toEqual({ provider: null, pairs: [] });
      const refused = await call(
        base,
        'POST',
        `/api/partnerships/${id}/translations`,
        { text: 'Hi', from: 'en', to: 'es' },
        coordinatorA,
      );
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'TRANSLATION_OFF' } });
    } finally {
      await server.close();
    }
  });
});
