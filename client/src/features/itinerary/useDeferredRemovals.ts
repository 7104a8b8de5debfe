import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { type Item, removeItem } from '@tandem/shared/doc/itinerary';

/** How long a deleted item can still be brought back. */
export const UNDO_MS = 10_000;

/**
 * Deleting an item, with an undo for some seconds: the item leaves the screen at once and the
 * document only when the time is up (or when the page goes), so undoing restores everything it
 * had, the other school's votes and comments included, with nothing to re-create.
 */
export function useDeferredRemovals(doc: Y.Doc) {
  const [pending, setPending] = useState<Item[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const commit = useCallback(
    (id: string) => {
      clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      removeItem(doc, id);
      setPending((now) => now.filter((i) => i.id !== id));
    },
    [doc],
  );
  const remove = useCallback(
    (item: Item) => {
      setPending((now) => [...now.filter((i) => i.id !== item.id), item]);
      timers.current.set(
        item.id,
        setTimeout(() => commit(item.id), UNDO_MS),
      );
    },
    [commit],
  );
  const undo = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setPending((now) => now.filter((i) => i.id !== id));
  }, []);
  useEffect(() => {
    const all = timers.current;
    const flush = () => {
      for (const id of [...all.keys()]) {
        clearTimeout(all.get(id));
        removeItem(doc, id);
      }
      all.clear();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [doc]);
  return { pending, remove, undo };
}
