import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SYNC_PATH } from '@tandem/shared/protocol';
import { forgetUnsent, trackUnsent, unsentRooms } from './unsent';

/** Local copies of documents live in IndexedDB databases named `tandem:<room>`. */
const LOCAL_PREFIX = 'tandem:';

/** A document open in this tab: the Y.Doc, its local copy and its server connection. */
export interface OpenRoom {
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${SYNC_PATH}`;
}

/**
 * Opens a room. The IndexedDB copy makes a reload instant and keeps offline edits (P24); the
 * stock y-websocket provider syncs with the server and merges on reconnect. Edits made while
 * unsynced are remembered (unsent.ts). Returns the room and how to close it.
 */
export function openRoom(roomName: string): { room: OpenRoom; close: () => Promise<void> } {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`${LOCAL_PREFIX}${roomName}`, doc);
  const provider = new WebsocketProvider(syncUrl(), roomName, doc);
  const stopTracking = trackUnsent(roomName, doc, provider, local);
  const close = async () => {
    stopTracking();
    provider.destroy();
    await local.destroy();
    doc.destroy();
  };
  return { room: { doc, provider, local }, close };
}

/** Whether the room's provider synced within `timeoutMs`, its own edits handed to the wire. */
async function sendRoom(roomName: string, timeoutMs: number): Promise<boolean> {
  const { room, close } = openRoom(roomName);
  const { provider } = room;
  try {
    await room.local.whenSynced;
    const isSynced = await new Promise<boolean>((resolve) => {
      if (provider.synced) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    // The edits were handed to the socket; give it a moment to put them on the wire.
    for (let i = 0; isSynced && i < 20 && (provider.ws?.bufferedAmount ?? 0) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return isSynced;
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
