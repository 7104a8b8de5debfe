import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDataDir } from '../../../test/helpers';
import { openDatabase } from './database';
import { SqliteDocumentStore } from './SqliteDocumentStore';

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

describe('SqliteDocumentStore', () => {
  it('loads an unknown document as empty', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    expect(await store.load('p/agreement')).toEqual({
      snapshot: null,
      updates: [],
      lastSeq: 0,
      clients: new Map(),
    });
  });

  it('loads snapshot plus tail, with sequence numbers that keep rising after compaction', async () => {
    const dataDir = tempDataDir();
    const store = new SqliteDocumentStore(openDatabase(dataDir));
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

    // A second connection to the same file sees the same thing (nothing only in memory).
    const reopened = new SqliteDocumentStore(openDatabase(dataDir));
    const stored = await reopened.load('d');
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(4);
    expect(replay(stored)).toBe('abcd');
  });

  it('keeps documents apart', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    await store.append('one', [{ update: edit(new Y.Doc(), 'x'), memberId: null, claims: [] }]);
    expect((await store.load('two')).updates).toHaveLength(0);
  });
});

describe('SqliteDocumentStore attribution', () => {
  it('stores the clientIDs a member introduced with their update', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    const doc = new Y.Doc();
    await store.append('d', [{ update: edit(doc, 'x'), memberId: 'm1', claims: [doc.clientID] }]);
    expect((await store.load('d')).clients).toEqual(new Map([[doc.clientID, 'm1']]));
  });
});

describe('SqliteDocumentStore.seed', () => {
  it('stores a seed only as the first row of a document', async () => {
    const dataDir = tempDataDir();
    // Two stores on one file stand for two server nodes seeding the same new document.
    const first = new SqliteDocumentStore(openDatabase(dataDir));
    const second = new SqliteDocumentStore(openDatabase(dataDir));
    expect(await first.seed('d', edit(new Y.Doc(), 'template'))).toBe(true);
    expect(await second.seed('d', edit(new Y.Doc(), 'template'))).toBe(false);
    const doc = new Y.Doc();
    const stored = await second.load('d');
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    expect(doc.getText('text').toJSON()).toBe('template');

    await first.append('e', [{ update: edit(new Y.Doc(), 'x'), memberId: null, claims: [] }]);
    expect(await first.seed('e', edit(new Y.Doc(), 'template'))).toBe(false);
  });
});
