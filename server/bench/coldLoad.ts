import * as Y from 'yjs';
import { openDatabase } from '../src/persistence/database';
import { SqliteDocumentStore } from '../src/persistence/SqliteDocumentStore';
import { closeAll, connectYWebsocket } from './clients';
import { startTandem } from './processes';
import { tandemAccount } from './targets';

/**
 * Cold load and first sync: a document with `edits` edits in its history, compacted as the
 * server would have, opened by one client on a freshly started server.
 */
export async function coldLoadMs(edits: number): Promise<number> {
  const first = await startTandem();
  const account = await tandemAccount(first.url);
  const id = await account.partnership();
  await first.stop();
  // The history written straight into the store, compacted as the server would have.
  const store = new SqliteDocumentStore(openDatabase(first.dataDir));
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('bench');
  // Typing: mostly at the end of what one wrote, now and then back in the middle.
  for (let i = 0; i < edits; i++) {
    text.insert(i % 100 === 99 ? Math.floor(text.length / 2) : text.length, 'x');
  }
  const room = `${id}/itinerary.A.threads`;
  for (let i = 0; i < updates.length; i += 1_000) {
    await store.append(
      room,
      updates.slice(i, i + 1_000).map((update) => ({ update, memberId: null, claims: [] })),
    );
  }
  await store.compact(room, Y.encodeStateAsUpdate(doc), updates.length);
  const server = await startTandem(first.dataDir);
  const started = performance.now();
  const client = await connectYWebsocket(
    `${server.url.replace('http', 'ws')}/sync`,
    room,
    account.cookie,
  );
  const ms = performance.now() - started;
  if (client.doc.getText('bench').length !== edits) throw new Error('cold load lost edits');
  await closeAll([client]);
  await server.stop();
  return ms;
}
