import type { Peer } from './Peer';

/**
 * Who made a Yjs transaction on a room's document. Storing, relaying and attribution tell them
 * apart by this, never by guessing: a peer's update is checked, attributed and stored; the
 * server's own (seeding, restores, API actions) is stored; one relayed from another node is
 * already stored there and is only sent on.
 */
export type Origin =
  | { readonly kind: 'peer'; readonly peer: Peer }
  | { readonly kind: 'server' }
  | { readonly kind: 'relay'; readonly node: string };

/** The origin of a transaction the server makes itself (also what a bare `transact` means). */
export const SERVER_ORIGIN: Origin = { kind: 'server' };

/** The origin of a transaction, read from what Yjs reports (`null` for a bare `transact`). */
export function originOf(value: unknown): Origin {
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    const kind = value.kind;
    if (kind === 'peer' || kind === 'server' || kind === 'relay') return value as Origin;
  }
  return SERVER_ORIGIN;
}
