import * as Y from 'yjs';
import { encodeUpdate } from './messages';
import type { Peer } from './Peer';

/**
 * How a room's stored updates and its presence reach the connections that have it open. The
 * local fan-out sends to this process's peers; a cluster's would also publish to other nodes
 * (which apply what they receive with a `relay` origin and never store it again).
 */
export interface FanOut {
  /** Updates stored together, in order; `from` (when one peer sent them all) is skipped. */
  sendUpdates(peers: ReadonlySet<Peer>, updates: readonly Uint8Array[], from: Peer | null): void;
  /** An encoded awareness message for every peer. */
  sendPresence(peers: ReadonlySet<Peer>, message: Uint8Array): void;
}

/**
 * This process's peers only. Updates stored together (a typing storm) go out merged, as one
 * message per peer; a peer receiving its own edit back applies nothing, which is cheaper than
 * one message per edit.
 */
export const localFanOut: FanOut = {
  sendUpdates(peers, updates, from) {
    const message = encodeUpdate(
      updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]),
    );
    for (const peer of peers) if (peer !== from) peer.send(message);
  },
  sendPresence(peers, message) {
    for (const peer of peers) peer.send(message);
  },
};
