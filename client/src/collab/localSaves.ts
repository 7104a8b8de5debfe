import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** y-indexeddb's object store for updates. */
const UPDATES_STORE = 'updates';

/**
 * Reports whether some edits are not yet committed to the IndexedDB copy. y-indexeddb writes
 * each update in its own transaction and says nothing when it commits; a tab closed in that
 * moment loses the edit. IndexedDB runs transactions over one store in order, so a read-only
 * transaction opened after the write completes only once the write has committed.
 */
export function trackLocalSaves(
  doc: Y.Doc,
  local: IndexeddbPersistence,
  onChange: (isSaving: boolean) => void,
): () => void {
  let pending = 0;
  let isStopped = false;

  const settle = () => {
    pending--;
    if (pending === 0 && !isStopped) onChange(false);
  };
  const afterWritesCommit = (db: IDBDatabase) => {
    try {
      const tx = db.transaction([UPDATES_STORE], 'readonly');
      tx.oncomplete = settle;
      tx.onabort = settle;
      tx.onerror = settle;
    } catch {
      settle(); // the database is closing (the document is being closed)
    }
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === local) return;
    if (pending++ === 0) onChange(true);
    // Before the database opens, y-indexeddb stores the whole state once it has opened.
    if (local.db) afterWritesCommit(local.db);
    else void local.whenSynced.then(() => (local.db ? afterWritesCommit(local.db) : settle()));
  };

  // Registered after y-indexeddb's own listener, so its write transaction is opened first.
  doc.on('update', onUpdate);
  return () => {
    isStopped = true;
    doc.off('update', onUpdate);
  };
}
