import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDataDir } from '../../test/helpers';
import { freshPostgres } from '../../test/postgres';
import type { DocumentStore } from './DocumentStore';
import { openPostgres } from './postgres/database';
import { PgDocumentStore } from './postgres/PgDocumentStore';
import { openDatabase } from './sqlite/database';
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore';

/**
 * One installation's storage: `open()` is a node's store; every call opens another connection
 * to the same data (a second node, or the same one after a restart).
 */
interface Installation {
  open(): Promise<DocumentStore>;
}

const pools: pg.Pool[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(drops.map((drop) => drop()));
});

const INSTALLATIONS: [string, () => Promise<Installation>][] = [
  [
    'SQLite',
    () => {
      const dataDir = tempDataDir();
      return Promise.resolve({
        open: () => Promise.resolve(new SqliteDocumentStore(openDatabase(dataDir))),
      });
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const { url, drop } = await freshPostgres();
      drops.push(drop);
      return {
        open: async () => {
          const pool = await openPostgres(url);
          pools.push(pool);
          return new PgDocumentStore(pool);
        },
      };
    },
  ],
];

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('text').insert(doc.getText('text').length, text);
  return update;
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getText('text').toJSON();
}

describe.each(INSTALLATIONS)('the document store on %s', (_, install) => {
  it('loads an unknown document as empty', async () => {
    const store = await (await install()).open();
    expect(await store.load('p/agreement')).toEqual({
      snapshot: null,
      updates: [],
      lastSeq: 0,
      clients: new Map(),
    });
  });

  it('loads snapshot plus tail, with sequence numbers that keep rising after compaction', async () => {
    const installation = await install();
    const store = await installation.open();
    const doc = new Y.Doc();
    const member = null;
    expect(
      await store.append('d', [{ update: edit(doc, 'a'), memberId: member, claims: [] }]),
    ).toBe(1);
    expect(
      await store.append('d', [
        { update: edit(doc, 'b'), memberId: 'm1', claims: [] },
        { update: edit(doc, 'c'), memberId: 'm1', claims: [] },
      ]),
    ).toBe(3);
    await store.compact('d', Y.encodeStateAsUpdate(doc), 3);
    expect(
      await store.append('d', [{ update: edit(doc, 'd'), memberId: member, claims: [] }]),
    ).toBe(4);

    // A second connection to the same data sees the same thing (nothing only in memory).
    const reopened = await installation.open();
    const stored = await reopened.load('d');
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(4);
    expect(replay(stored)).toBe('abcd');
  });

  it('keeps documents apart', async () => {
    const store = await (await install()).open();
    await store.append('one', [{ update: edit(new Y.Doc(), 'x'), memberId: null, claims: [] }]);
    expect((await store.load('two')).updates).toHaveLength(0);
  });

  it('stores the clientIDs a member introduced with their update', async () => {
    const store = await (await install()).open();
    const doc = new Y.Doc();
    await store.append('d', [{ update: edit(doc, 'x'), memberId: 'm1', claims: [doc.clientID] }]);
    expect((await store.load('d')).clients).toEqual(new Map([[doc.clientID, 'm1']]));
  });

  it('stores a seed only as the first row of a document', async () => {
    const installation = await install();
    // Two stores on one installation stand for two server nodes seeding the same new document.
    const first = await installation.open();
    const second = await installation.open();
    expect(await first.seed('d', edit(new Y.Doc(), 'template'))).toBe(true);
    expect(await second.seed('d', edit(new Y.Doc(), 'template'))).toBe(false);
    const doc = new Y.Doc();
    const stored = await second.load('d');
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    expect(doc.getText('text').toJSON()).toBe('template');

    await first.append('e', [{ update: edit(new Y.Doc(), 'x'), memberId: null, claims: [] }]);
    expect(await first.seed('e', edit(new Y.Doc(), 'template'))).toBe(false);
  });

  it('gives two nodes appending to one document at once distinct, consecutive numbers', async () => {
    const installation = await install();
    const nodes = [await installation.open(), await installation.open()];
    const writers = [new Y.Doc(), new Y.Doc()];
    const appended = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        nodes[i % 2]!.append('d', [
          { update: edit(writers[i % 2]!, String(i % 10)), memberId: null, claims: [] },
        ]),
      ),
    );
    expect(new Set(appended).size).toBe(40);
    expect(Math.max(...appended)).toBe(40);
    const stored = await nodes[0]!.load('d');
    expect(stored.updates).toHaveLength(40);
    expect(stored.lastSeq).toBe(40);
  });

  it('never lets a compaction through an older point replace a newer snapshot', async () => {
    const store = await (await install()).open();
    const doc = new Y.Doc();
    for (const text of ['a', 'b', 'c']) {
      await store.append('d', [{ update: edit(doc, text), memberId: null, claims: [] }]);
    }
    await store.compact('d', Y.encodeStateAsUpdate(doc), 3);
    const older = new Y.Doc();
    older.getText('text').insert(0, 'a');
    await store.compact('d', Y.encodeStateAsUpdate(older), 1);
    expect(replay(await store.load('d'))).toBe('abc');
  });
});
