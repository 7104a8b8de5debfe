import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SYNC_PATH } from '@tandem/shared/protocol';
import { type Receipts, trackReceipts } from './receipts';
import { forgetUnsent, forgetUnsentRoom, trackUnsent, unsentRooms } from './unsent';

/** Local copies of documents live in IndexedDB databases named `tandem:<room>`. */
const LOCAL_PREFIX = 'tandem:';

/** A document open in this tab: the Y.Doc, its local copy, its server connection and receipts. */
export interface OpenRoom {
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
  receipts: Receipts;
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${SYNC_PATH}`;
}

/** An open room and how to close it; `discard` also deletes its local copy. */
export interface OpenedRoom {
  room: OpenRoom;
  close: () => Promise<void>;
  discard: () => Promise<void>;
}

/**
 * Opens a room. The IndexedDB copy makes a reload instant and keeps offline edits (P24); the
 * stock y-websocket provider syncs with the server and merges on reconnect; receipts say when
 * the server stored this tab's edits (receipts.ts). Edits made while unsynced are remembered
 * (unsent.ts).
 */
export function openRoom(roomName: string): OpenedRoom {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`${LOCAL_PREFIX}${roomName}`, doc);
  const provider = new WebsocketProvider(syncUrl(), roomName, doc);
  const receipts = trackReceipts(doc, provider);
  const stopTracking = trackUnsent(roomName, doc, provider, local, receipts);
  /** Closes the room; `isDiscarding` also deletes its local copy. */
  const shut = async (isDiscarding: boolean) => {
    stopTracking();
    receipts.stop();
    provider.destroy();
    await (isDiscarding ? local.clearData() : local.destroy());
    doc.destroy();
    if (isDiscarding) forgetUnsentRoom(roomName);
  };
  return {
    room: { doc, provider, local, receipts },
    close: () => shut(false),
    discard: () => shut(true),
  };
}

/** Whether the server stored the room's edits (this device's copy of them) within `timeoutMs`. */
async function sendRoom(roomName: string, timeoutMs: number): Promise<boolean> {
  const { room, close } = openRoom(roomName);
  const { provider, receipts } = room;
  try {
    await room.local.whenSynced;
    return await new Promise<boolean>((resolve) => {
      const isDone = () => provider.synced && receipts.isStored;
      if (isDone()) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const check = () => {
        if (!isDone()) return;
        clearTimeout(timer);
        resolve(true);
      };
      provider.on('sync', check);
      receipts.onChange(check);
    });
  } finally {
    await close();
  }
}

/** Opens every room with unsent edits and lets it sync. Resolves to the rooms that could not. */
export async function sendUnsent(timeoutMs: number): Promise<string[]> {
  const left: string[] = [];
  for (const room of unsentRooms()) {
    if (!(await sendRoom(room, timeoutMs))) left.push(room);
  }
  return left;
}

/** Deletes every local copy on this computer (signing out: school computers are shared). */
export async function deleteLocalCopies(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((db) => db.name?.startsWith(LOCAL_PREFIX))
      .map(
        (db) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(db.name ?? '');
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
  forgetUnsent();
}
