import * as Y from 'yjs';
import { openDatabase } from '../src/storage/sqlite/database';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore';
import { closeAll, connectYWebsocket } from './clients';
import { median } from './measures';
import { startTandem } from './processes';
import { tandemAccount } from './targets';

/** A document typed edit by edit: mostly at the end of the text, now and then in the middle. */
function typedHistory(edits: number): { updates: Uint8Array[]; state: Uint8Array } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('bench');
  for (let i = 0; i < edits; i++) {
    text.insert(i % 100 === 99 ? Math.floor(text.length / 2) : text.length, 'x');
  }
  return { updates, state: Y.encodeStateAsUpdate(doc) };
}

/**
 * Cold load and first sync: documents with `edits` edits in their history, compacted as the
 * server would have, each opened by one client on a started server that has not loaded them.
 * The server has served one other document first, so the figure is the document's load, not
 * the process warming up. The median of three documents.
 */
export async function coldLoadMs(edits: number): Promise<number> {
  const first = await startTandem();
  const account = await tandemAccount(first.url);
  const [warmUp, ...ids] = await Promise.all([1, 2, 3, 4].map(() => account.partnership()));
  await first.stop();
  // The history written straight into the store, then compacted.
  const store = new SqliteDocumentStore(openDatabase(first.dataDir));
  const { updates, state } = typedHistory(edits);
  const rooms = ids.map((id) => `${id}/itinerary.A.threads`);
  for (const room of rooms) {
    for (let i = 0; i < updates.length; i += 1_000) {
      await store.append(
        room,
        updates.slice(i, i + 1_000).map((update) => ({ update, memberId: null, claims: [] })),
      );
    }
    await store.compact(room, state, updates.length);
  }
  const server = await startTandem(first.dataDir);
  const sync = `${server.url.replace('http', 'ws')}/sync`;
  await closeAll([await connectYWebsocket(sync, `${warmUp}/itinerary.A.threads`, account.cookie)]);
  const times: number[] = [];
  for (const room of rooms) {
    const started = performance.now();
    const client = await connectYWebsocket(sync, room, account.cookie);
    times.push(performance.now() - started);
    if (client.doc.getText('bench').length !== edits) throw new Error('cold load lost edits');
    await closeAll([client]);
  }
  await server.stop();
  return median(times);
}
