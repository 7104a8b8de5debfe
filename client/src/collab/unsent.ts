import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from './syncUrl';

/**
 * Rooms with edits made while the server was out of reach, kept in localStorage so the list
 * outlives the page: the edits are in this browser's IndexedDB copy only until the room syncs.
 * Signing out deletes those copies, so it sends these rooms first (DESIGN.md, P24).
 */
const KEY = 'tandem:unsent';

export function unsentRooms(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function save(rooms: readonly string[]): void {
  if (rooms.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(rooms));
}

function markUnsent(room: string): void {
  const rooms = unsentRooms();
  if (!rooms.includes(room)) save([...rooms, room]);
}

function clearUnsent(room: string): void {
  save(unsentRooms().filter((r) => r !== room));
}

/** Forgets every room (after their local copies are deleted). */
export function forgetUnsent(): void {
  save([]);
}

/**
 * Marks the room while this person edits it unsynced, and clears it once the provider has
 * synced again (its own sync step 2, carrying those edits, has gone out by then).
 */
export function trackUnsent(
  roomName: string,
  doc: Y.Doc,
  provider: WebsocketProvider,
  local: IndexeddbPersistence,
): () => void {
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local && !provider.synced) markUnsent(roomName);
  };
  const onSync = (isSynced: boolean) => {
    if (isSynced) clearUnsent(roomName);
  };
  doc.on('update', onUpdate);
  provider.on('sync', onSync);
  return () => {
    doc.off('update', onUpdate);
    provider.off('sync', onSync);
  };
}

async function sendRoom(roomName: string, timeoutMs: number): Promise<boolean> {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`tandem:${roomName}`, doc);
  await local.whenSynced;
  const provider = new WebsocketProvider(syncUrl(), roomName, doc);
  try {
    const isSynced = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!isSynced) return false;
    // The edits were handed to the socket; give it a moment to put them on the wire.
    for (let i = 0; i < 20 && (provider.ws?.bufferedAmount ?? 0) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    clearUnsent(roomName);
    return true;
  } finally {
    provider.destroy();
    await local.destroy();
    doc.destroy();
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
