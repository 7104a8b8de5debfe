import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/helpers';
import { freshPostgres } from '../../test/postgres';
import { isChainIntact } from './auditChain';
import { openStores, type Stores } from './openStores';

const opened: Stores[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await Promise.all(drops.map((drop) => drop()));
});

const SCHOOL = {
  name: 'School',
  city: 'City',
  country: 'US',
  timeZone: 'UTC',
  language: 'en',
  schoolHours: { start: '08:00', end: '15:00' },
};

/**
 * Two nodes' stores on one installation, with a partnership `p` and its coordinator: on
 * PostgreSQL two pools on one fresh schema; on SQLite the one process it serves, twice.
 */
async function installation(engine: 'sqlite' | 'postgres') {
  let config = { dataDir: tempDataDir(), databaseUrl: null as string | null };
  if (engine === 'postgres') {
    const { url, drop } = await freshPostgres();
    drops.push(drop);
    config = { ...config, databaseUrl: url };
  }
  // SQLite serves one process (its units of work queue on one connection); PostgreSQL, many.
  const first = await openStores(config, () => undefined);
  const second = engine === 'postgres' ? await openStores(config, () => undefined) : first;
  opened.push(...new Set([first, second]));
  const account = await first.people.createAccount(
    { email: `c${Date.now()}@school.example`, name: 'C', language: 'en', timeZone: null },
    'hash',
  );
  const member = await first.people.createPartnership('p', account, { A: SCHOOL, B: SCHOOL });
  return { nodes: [first, second], m: member.id };
}

describe.each(['sqlite', 'postgres'] as const)('the signing store on %s', (engine) => {
  it('keeps none of a unit of work that throws', async () => {
    const { nodes, m } = await installation(engine);
    const store = nodes[0]!.signings;
    await expect(
      store.transaction(async (unit) => {
        await unit.start('p', 'v1', '{}', 'h1', m);
        await unit.audit('p', m, 'signing-started', {});
        throw new Error('stopped half way');
      }),
    ).rejects.toThrow('stopped half way');
    expect(await store.current('p')).toBeNull();
    expect(await store.auditLog('p')).toEqual([]);
  });

  it('runs units one after another on every node, so a check inside one holds for its writes', async () => {
    const { nodes, m } = await installation(engine);
    const attempts = [1, 2, 3, 4].map((n) =>
      nodes[n % 2]!.signings.transaction(async (unit) => {
        if (await unit.current('p')) return 'refused';
        await unit.start('p', `v${n}`, '{}', `h${n}`, m);
        await unit.audit('p', m, 'signing-started', { n });
        return 'started';
      }),
    );
    const outcomes = await Promise.allSettled(attempts);
    const started = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'started');
    expect(started).toHaveLength(1);
    expect(await nodes[1]!.signings.current('p')).not.toBeNull();
    expect(isChainIntact('p', await nodes[0]!.signings.auditLog('p'))).toBe(true);
  });

  it('refuses a second current signing even outside a check', async () => {
    const { nodes, m } = await installation(engine);
    const store = nodes[0]!.signings;
    await store.transaction((unit) => unit.start('p', 'v1', '{}', 'h1', m));
    await expect(store.transaction((unit) => unit.start('p', 'v2', '{}', 'h2', m))).rejects.toThrow(
      /UNIQUE|unique/,
    );
    expect((await store.current('p'))?.versionId).toBe('v1');
  });
});
