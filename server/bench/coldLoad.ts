import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import { getClauseText } from '@tandem/shared/doc/agreement';
import * as Y from 'yjs';
import { openDatabase } from '../src/storage/sqlite/database';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore';
import { closeAll, connectYWebsocket } from './clients';
import type { LargeAgreement } from './largeAgreement';
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

export interface ColdLoads {
  /** One document of `edits` single-character edits. */
  typedMs: number;
  /** The large agreement alone. */
  largeMs: number;
  /** Every document of a partnership with the large agreement, opened at once. */
  allDocumentsMs: number;
}

/** The first clause's English text, to check that a load lost nothing. */
function purposeText(doc: Y.Doc): string {
  return getClauseText(doc, 'purpose', 'en').toJSON();
}

/**
 * Cold loads on a started server that has not loaded the documents, each the median of three:
 * a document with `edits` edits in its history, compacted as the server would have; the large
 * agreement; and a partnership page opening all its documents at once, the large agreement and
 * its 40 threads among them. The server has served one other document first, so the figures
 * are the documents' loads, not the process warming up.
 */
export async function coldLoads(edits: number, large: LargeAgreement): Promise<ColdLoads> {
  const first = await startTandem();
  const account = await tandemAccount(first.url);
  const ids = await Promise.all(Array.from({ length: 10 }, () => account.partnership()));
  const [warmUp, ...rest] = ids;
  const [typedIds, largeIds, pageIds] = [rest.slice(0, 3), rest.slice(3, 6), rest.slice(6, 9)];
  await first.stop();
  const db = openDatabase(first.dataDir);
  const store = new SqliteDocumentStore(db);
  const { updates, state } = typedHistory(edits);
  const typedRooms = typedIds.map((id) => `${id}/itinerary.A.threads`);
  for (const room of typedRooms) {
    for (let i = 0; i < updates.length; i += 1_000) {
      await store.append(
        room,
        updates.slice(i, i + 1_000).map((update) => ({ update, memberId: null, claims: [] })),
      );
    }
    await store.compact(room, state, updates.length);
  }
  for (const id of [...largeIds, ...pageIds]) {
    await store.seed(`${id}/agreement`, large.agreement);
    await store.seed(`${id}/agreement.threads`, large.threads);
  }
  db.close();
  const expected = purposeText(docOf(large.agreement));
  const server = await startTandem(first.dataDir);
  const sync = `${server.url.replace('http', 'ws')}/sync`;
  const open = (room: string) => connectYWebsocket(sync, room, account.cookie);
  const timed = async (rooms: string[], check: (docs: Y.Doc[]) => boolean) => {
    const started = performance.now();
    const clients = await Promise.all(rooms.map(open));
    const ms = performance.now() - started;
    if (!check(clients.map((c) => c.doc))) throw new Error('cold load lost edits');
    await closeAll(clients);
    return ms;
  };
  try {
    await closeAll([await open(`${warmUp}/itinerary.A.threads`)]);
    const typed: number[] = [];
    for (const room of typedRooms) {
      typed.push(await timed([room], ([doc]) => doc?.getText('bench').length === edits));
    }
    const largeTimes: number[] = [];
    for (const id of largeIds) {
      largeTimes.push(
        await timed([`${id}/agreement`], ([doc]) => !!doc && purposeText(doc) === expected),
      );
    }
    const pages: number[] = [];
    for (const id of pageIds) {
      const rooms = DOCUMENT_NAMES.map((name) => `${id}/${name}`);
      pages.push(await timed(rooms, ([doc]) => !!doc && purposeText(doc) === expected));
    }
    return { typedMs: median(typed), largeMs: median(largeTimes), allDocumentsMs: median(pages) };
  } finally {
    await server.stop();
  }
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
