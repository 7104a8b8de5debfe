import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '@tandem/shared/protocol';
import { tempDataDir, waitFor } from '../../test/helpers';
import type { DocumentStore, LogEntry } from '../storage/DocumentStore';
import { openDatabase } from '../storage/sqlite/database';
import { SqliteDocumentStore } from '../storage/sqlite/SqliteDocumentStore';
import type { Peer } from './Peer';
import { DocumentFullError, Room, StorageBackedUpError, StorageTimeoutError } from './Room';
import { RoomRegistry } from './RoomRegistry';

const quiet = { compactAfterUpdates: 1_000, log: () => undefined };

function peer(id: number, sent: Uint8Array[] = []): Peer {
  return {
    id,
    memberId: `m${id}`,
    canEdit: true,
    mayDecide: false,
    mayPropose: true,
    name: 'Test member',
    side: 'A',
    language: 'en',
    awarenessIds: new Set(),
    presenceClient: null,
    readOnlyReason: 'readOnly',
    wantsReceipts: false,
    updateFrames: 0,
    send: (m) => sent.push(m),
  };
}

function updateFor(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** The real SQLite store, made to fail its first `failures` appends (a full disk, a lock). */
class FlakyStore implements DocumentStore {
  appendCalls = 0;
  constructor(
    private readonly inner: DocumentStore,
    private failures: number,
  ) {}
  load(doc: string) {
    return this.inner.load(doc);
  }
  append(doc: string, entries: readonly LogEntry[]) {
    this.appendCalls++;
    if (this.failures-- > 0) return Promise.reject(new Error('disk full'));
    return this.inner.append(doc, entries);
  }
  seed(doc: string, snapshot: Uint8Array) {
    return this.inner.seed(doc, snapshot);
  }
  compact(doc: string, snapshot: Uint8Array, throughSeq: number) {
    return this.inner.compact(doc, snapshot, throughSeq);
  }
  changedSince(at: number) {
    return this.inner.changedSince(at);
  }
  updatesAfter(doc: string, seq: number) {
    return this.inner.updatesAfter(doc, seq);
  }
}

describe('Room', () => {
  it('sends an update relayed from another node on to its peers without storing it again', async () => {
    const store = new FlakyStore(new SqliteDocumentStore(openDatabase(tempDataDir())), 0);
    const room = new Room('d', store, await store.load('d'), quiet);
    const sent: Uint8Array[] = [];
    room.peers.add(peer(1, sent));
    room.applyRelayedUpdate(updateFor('from node b'), 'node-b');
    expect(room.doc.getText('text').toJSON()).toBe('from node b');
    expect(sent).toHaveLength(1);
    await room.whenSaved();
    expect(store.appendCalls).toBe(0);
    // A peer's own update is stored, then sent to the others.
    const other: Uint8Array[] = [];
    room.peers.add(peer(2, other));
    room.applyPeerUpdate(peer(1, sent), updateFor('typed here'));
    await waitFor(() => store.appendCalls === 1, 'the peer update stored');
  });

  it('sends the presence changed in one event-loop turn as one message', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    const room = new Room('d', store, await store.load('d'), quiet);
    const sent: Uint8Array[] = [];
    const people = [peer(1), peer(2)];
    for (const p of people) room.peers.add(p);
    room.peers.add(peer(3, sent));
    for (const p of people) {
      const theirs = new awarenessProtocol.Awareness(new Y.Doc());
      theirs.setLocalState({ name: `person ${p.id}` });
      const update = awarenessProtocol.encodeAwarenessUpdate(theirs, [theirs.clientID]);
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, p);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1);
    const mirror = new awarenessProtocol.Awareness(new Y.Doc());
    mirror.setLocalState(null);
    const decoder = decoding.createDecoder(sent[0] ?? new Uint8Array());
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
    awarenessProtocol.applyAwarenessUpdate(mirror, decoding.readVarUint8Array(decoder), null);
    expect([...mirror.getStates().values()].map((state) => state.name as string).sort()).toEqual([
      'person 1',
      'person 2',
    ]);
  });

  it('stores the updates of one event-loop turn in one write and sends them as one message', async () => {
    const store = new FlakyStore(new SqliteDocumentStore(openDatabase(tempDataDir())), 0);
    const room = new Room('d', store, await store.load('d'), quiet);
    const sent: Uint8Array[] = [];
    const writers = [peer(1), peer(2), peer(3)];
    for (const w of writers) room.peers.add(w);
    room.peers.add(peer(4, sent));
    writers.forEach((w, i) => room.applyPeerUpdate(w, updateFor(`edit ${i}`)));
    await room.whenSaved();
    expect(store.appendCalls).toBe(1);
    expect(sent).toHaveLength(1);
    const reader = new Y.Doc();
    for (const update of (await store.load('d')).updates) Y.applyUpdate(reader, update);
    expect(reader.getText('text').toJSON()).toHaveLength('edit 0'.length * 3);
  });

  it('broadcasts an update only after it is stored, retrying failed writes', async () => {
    const sqlite = new SqliteDocumentStore(openDatabase(tempDataDir()));
    const store = new FlakyStore(sqlite, 2);
    const room = new Room('d', store, await store.load('d'), quiet);
    const sent: Uint8Array[] = [];
    const writer = peer(1);
    room.peers.add(writer).add(peer(2, sent));

    room.applyPeerUpdate(writer, updateFor('hello'));
    expect(room.doc.getText('text').toJSON()).toBe('hello');
    expect(sent).toHaveLength(0);
    await room.whenSaved();
    expect(store.appendCalls).toBe(3);
    expect(sent).toHaveLength(1);
    expect((await sqlite.load('d')).updates).toHaveLength(1);
  });

  it('does not echo an update to the peer that sent it', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    const room = new Room('d', store, await store.load('d'), quiet);
    const own: Uint8Array[] = [];
    const writer = peer(1, own);
    room.peers.add(writer);
    room.applyPeerUpdate(writer, updateFor('x'));
    await room.whenSaved();
    expect(own).toHaveLength(0);
  });

  it('records which member sent each stored update', async () => {
    const db = openDatabase(tempDataDir());
    const room = new Room(
      'd',
      new SqliteDocumentStore(db),
      { snapshot: null, updates: [], lastSeq: 0, clients: new Map() },
      quiet,
    );
    const writer = peer(7);
    room.peers.add(writer);
    room.applyPeerUpdate(writer, updateFor('x'));
    await room.whenSaved();
    expect(db.prepare('SELECT member_id FROM doc_updates').all()).toEqual([{ member_id: 'm7' }]);
  });

  it('compacts its log into one snapshot once the tail is long', async () => {
    const db = openDatabase(tempDataDir());
    const store = new SqliteDocumentStore(db);
    const room = new Room('d', store, await store.load('d'), { ...quiet, compactAfterUpdates: 10 });
    const writer = peer(1);
    room.peers.add(writer);
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => room.applyPeerUpdate(writer, u));
    for (let i = 0; i < 25; i++) source.getText('text').insert(i, String(i % 10));
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    await waitFor(() => count('doc_snapshots') === 1 && count('doc_updates') < 10, 'compaction');
    const reloaded = new Room('d', store, await store.load('d'), quiet);
    expect(reloaded.doc.getText('text').toJSON()).toBe(source.getText('text').toJSON());
  });
});

describe('Room limits', () => {
  it('refuses an update that would take the document past its cap, changing nothing', async () => {
    const store = new SqliteDocumentStore(openDatabase(tempDataDir()));
    const room = new Room('d', store, await store.load('d'), { ...quiet, capOf: () => 4_000 });
    const writer = peer(1);
    room.peers.add(writer);
    room.applyPeerUpdate(writer, updateFor('a'.repeat(1_000)));
    await room.whenSaved();
    expect(() => room.applyPeerUpdate(writer, updateFor('b'.repeat(3_500)))).toThrow(
      DocumentFullError,
    );
    expect(room.doc.getText('text').toJSON()).toBe('a'.repeat(1_000));
    // What the server already has (a reconnecting client's copy) is not new content.
    const reconnecting = Y.encodeStateAsUpdate(room.doc);
    expect(() => room.applyPeerUpdate(writer, reconnecting)).not.toThrow();
    expect(room.byteSize).toBeLessThanOrEqual(4_000 * 1.1);
  });

  it('refuses edits once storing has fallen far behind, and tells waiters within the time', async () => {
    const failing = new FlakyStore(new SqliteDocumentStore(openDatabase(tempDataDir())), Infinity);
    const registry = new RoomRegistry(failing, quiet);
    const writer = peer(1);
    const room = await registry.join('d', writer);
    let refused: unknown = null;
    for (let i = 0; i < 3_000 && refused === null; i++) {
      try {
        room.applyPeerUpdate(writer, updateFor(`edit ${i}`));
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toBeInstanceOf(StorageBackedUpError);
    await waitFor(() => registry.isStorageFailing, 'storage reported failing');
    await expect(room.savedWithin(50)).rejects.toBeInstanceOf(StorageTimeoutError);
    room.destroy();
  });
});

describe('RoomRegistry', () => {
  it('loads a room once however many connections ask for it at the same time', async () => {
    const sqlite = new SqliteDocumentStore(openDatabase(tempDataDir()));
    let loads = 0;
    const counting: DocumentStore = {
      load: (doc) => {
        loads++;
        return sqlite.load(doc);
      },
      append: (doc, entries) => sqlite.append(doc, entries),
      seed: (doc, snapshot) => sqlite.seed(doc, snapshot),
      compact: (doc, snapshot, seq) => sqlite.compact(doc, snapshot, seq),
      changedSince: (at) => sqlite.changedSince(at),
      updatesAfter: (doc, seq) => sqlite.updatesAfter(doc, seq),
    };
    const registry = new RoomRegistry(counting, quiet);
    const rooms = await Promise.all([1, 2, 3, 4, 5].map((id) => registry.join('d', peer(id))));
    expect(loads).toBe(1);
    expect(new Set(rooms).size).toBe(1);
    expect(rooms[0]?.peers.size).toBe(5);
  });

  it('keeps a room that someone re-joins while it is being unloaded', async () => {
    const registry = new RoomRegistry(new SqliteDocumentStore(openDatabase(tempDataDir())), quiet);
    const first = peer(1);
    const room = await registry.join('d', first);
    room.applyPeerUpdate(first, updateFor('still here'));
    room.removePeer(first);
    const releasing = registry.release(room);
    const again = await registry.join('d', peer(2));
    await releasing;
    expect(registry.size).toBe(1);
    expect(again.isDestroyed).toBe(false);
    expect(again.doc.getText('text').toJSON()).toBe('still here');
  });
});
