/**
 * Fractional order keys: strings that sort between any two others, so moving one item writes
 * one key and concurrent moves never renumber a whole list.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
  const d = DIGITS.indexOf(key[i] ?? '0');
  return d < 0 ? 0 : d;
}

/**
 * A key strictly between `before` and `after` (either may be null: the start or the end).
 * Keys never end in '0', so there is always room below them.
 */
export function keyBetween(before: string | null, after: string | null): string {
  const a = before ?? '';
  if (after !== null && after <= a) throw new Error(`order keys out of order: ${a} >= ${after}`);
  let key = '';
  for (let i = 0; ; i++) {
    const low = digit(a, i);
    const high = after === null ? BASE : i < after.length ? digit(after, i) : BASE;
    // Past the first digit where `after` exceeds the key so far, any higher digit is fine.
    const isBoundedAbove = after !== null && after.startsWith(key) && i < after.length;
    const top = isBoundedAbove ? high : BASE;
    if (top - low > 1) return key + (DIGITS[Math.floor((low + top) / 2)] ?? '');
    key += DIGITS[low] ?? '0';
  }
}

/** Sorts by order key, then by id, so every copy shows the same order even on equal keys. */
export function byOrder<T extends { order: string; id: string }>(a: T, b: T): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
