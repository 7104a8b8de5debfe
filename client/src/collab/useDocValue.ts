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
    // A change elsewhere in the types (another clause's text, the status of another clause)
    // usually leaves this value as it was: keep the old one, so nothing re-renders for it.
    const update = () => {
      const next = compute();
      setValue((current) => (isSameData(current, next) ? current : next));
    };
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

/**
 * Whether two computed values hold the same data: primitives, arrays and plain objects are
 * compared by content; anything else (a Y type, a Map, a class) only by identity.
 */
export function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => isSameData(v, b[i]));
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      isSameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
