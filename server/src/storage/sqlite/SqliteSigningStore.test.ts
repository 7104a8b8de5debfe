import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/helpers';
import { isChainIntact } from '../auditChain';
import { openDatabase } from './database';
import { createSqliteSigningStore } from './SqliteSigningStore';

/** A store on a fresh database; its signings name partnership `p`, no rows it refers to. */
function storeWithPartnership() {
  const db = openDatabase(tempDataDir());
  db.pragma('foreign_keys = OFF');
  return { db, store: createSqliteSigningStore(db) };
}

describe('SqliteSigningStore', () => {
  it('keeps none of a unit of work that throws', async () => {
    const { store } = storeWithPartnership();
    await expect(
      store.transaction(async (unit) => {
        await unit.start('p', 'v1', '{}', 'h1', 'm');
        await unit.audit('p', 'm', 'signing-started', {});
        throw new Error('stopped half way');
      }),
    ).rejects.toThrow('stopped half way');
    expect(await store.current('p')).toBeNull();
    expect(await store.auditLog('p')).toEqual([]);
  });

  it('runs units one after another, so a check inside one holds for its writes', async () => {
    const { store } = storeWithPartnership();
    const attempts = [1, 2, 3, 4].map((n) =>
      store.transaction(async (unit) => {
        if (await unit.current('p')) return 'refused';
        await unit.start('p', `v${n}`, '{}', `h${n}`, 'm');
        await unit.audit('p', 'm', 'signing-started', { n });
        return 'started';
      }),
    );
    expect((await Promise.all(attempts)).sort()).toEqual([
      'refused',
      'refused',
      'refused',
      'started',
    ]);
    expect(isChainIntact('p', await store.auditLog('p'))).toBe(true);
  });

  it('refuses a second current signing even outside a check', async () => {
    const { store } = storeWithPartnership();
    await store.transaction((unit) => unit.start('p', 'v1', '{}', 'h1', 'm'));
    await expect(
      store.transaction((unit) => unit.start('p', 'v2', '{}', 'h2', 'm')),
    ).rejects.toThrow(/UNIQUE/);
    expect((await store.current('p'))?.versionId).toBe('v1');
  });
});
