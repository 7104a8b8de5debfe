import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Receipts } from './receipts';

/**
 * Rooms with edits made while the server was out of reach, kept in localStorage so the list
 * outlives the page: the edits are in this browser's IndexedDB copy only until the room syncs.
 * Signing out deletes those copies, so it sends these rooms first (localRooms.sendUnsent).
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

/** Forgets one room (its local copy was deleted). */
export function forgetUnsentRoom(room: string): void {
  save(unsentRooms().filter((r) => r !== room));
}

/** Forgets every room (once their local copies are deleted). */
export function forgetUnsent(): void {
  save([]);
}

/**
 * Marks the room while this person edits it with edits the server has not stored, and clears
 * it once the server's receipt covers them (receipts.ts).
 */
export function trackUnsent(
  roomName: string,
  doc: Y.Doc,
  provider: WebsocketProvider,
  local: IndexeddbPersistence,
  receipts: Receipts,
): () => void {
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local && !receipts.isStored) markUnsent(roomName);
  };
  doc.on('update', onUpdate);
  const stopListening = receipts.onChange(() => {
    if (receipts.isStored) forgetUnsentRoom(roomName);
  });
  return () => {
    doc.off('update', onUpdate);
    stopListening();
  };
}
