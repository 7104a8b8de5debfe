import { useCallback, useMemo, useState } from 'react';

/** How a person appears to others in an editor (caret label and colour). */
export interface Identity {
  name: string;
  color: string;
}

const NAME_KEY = 'tandem.displayName';
const GUEST_KEY = 'tandem.guestNumber';

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

/** A stable colour for a name, so a person keeps their colour across reloads. */
export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#175cd3';
}

/** A number that tells unnamed guests on this device apart from others. */
export function guestNumber(): number {
  const stored = Number(localStorage.getItem(GUEST_KEY));
  if (Number.isInteger(stored) && stored > 0) return stored;
  const fresh = 100 + Math.floor(Math.random() * 900);
  localStorage.setItem(GUEST_KEY, String(fresh));
  return fresh;
}

/**
 * The display name typed on this device (empty until typed) and the identity shown to others,
 * which falls back to `guestName`. Accounts replace this (issue 3).
 */
export function useIdentity(guestName: string): {
  typedName: string;
  identity: Identity;
  setName: (name: string) => void;
} {
  const [typedName, setTypedName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const setName = useCallback((next: string) => {
    localStorage.setItem(NAME_KEY, next);
    setTypedName(next);
  }, []);
  const shown = typedName.trim() || guestName;
  const identity = useMemo(() => ({ name: shown, color: colorFor(shown) }), [shown]);
  return { typedName, identity, setName };
}
