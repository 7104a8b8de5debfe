import { useEffect, useState } from 'react';

/** A Yjs type (Y.Map, Y.Array, Y.XmlFragment…) whose deep changes can be observed. */
export interface Observable {
  observeDeep(listener: () => void): void;
  unobserveDeep(listener: () => void): void;
}

/**
 * A value computed from Yjs types, recomputed whenever any of them (or anything inside them)
 * changes. `types` must be stable for a given document (derive it with useMemo).
 */
export function useDocValue<T>(types: readonly Observable[], compute: () => T): T {
  const [value, setValue] = useState(compute);
  useEffect(() => {
    const update = () => setValue(compute());
    update();
    for (const type of types) type.observeDeep(update);
    return () => {
      for (const type of types) type.unobserveDeep(update);
    };
    // `compute` closes over the same documents as `types`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [types]);
  return value;
}
