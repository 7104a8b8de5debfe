import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from './syncUrl';
import { trackUnsent } from './unsent';

/** A document open in this tab: the Y.Doc, its local copy and its server connection. */
export interface OpenRoom {
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
}

/**
 * Opens a room. The IndexedDB copy makes a reload instant and keeps offline edits (P24); the
 * stock y-websocket provider syncs with the server and merges on reconnect.
 */
export function useRoom(roomName: string | null): OpenRoom | null {
  const [room, setRoom] = useState<OpenRoom | null>(null);
  useEffect(() => {
    if (roomName === null) return;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`tandem:${roomName}`, doc);
    const provider = new WebsocketProvider(syncUrl(), roomName, doc);
    const stopTracking = trackUnsent(roomName, doc, provider, local);
    // The room is an external resource made here and torn down below; React state is how the
    // component sees it (StrictMode's double effect must get a fresh one).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRoom({ doc, provider, local });
    return () => {
      stopTracking();
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setRoom(null);
    };
  }, [roomName]);
  return room;
}
