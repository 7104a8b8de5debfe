/** How a person appears to others in an editor (caret label and colour). */
export interface Identity {
  name: string;
  color: string;
}

/** Caret colours with enough contrast against white text labels. */
const PALETTE = [
  '#b42318',
  '#175cd3',
  '#067647',
  '#9e3fb8',
  '#b54708',
  '#0e7090',
  '#c11574',
  '#4e5ba6',
];

/** A stable colour for a person, so they keep their colour across sessions and devices. */
export function colorFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#175cd3';
}
