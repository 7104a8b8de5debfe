/**
 * How the nodes of a cluster keep one document in step (cluster/RedisCluster.ts): each node
 * publishes what it stored, with its sequence numbers, and the presence its peers set; every
 * node with the document loaded applies the others' messages. Without a relay a node runs
 * alone. Messages may be lost or late: a room reads what it missed from the store.
 */
export interface RoomRelay {
  /**
   * This node stored updates `first`..`last` of the room (merged into `update`); `claims` are
   * the Yjs clientIDs members introduced with them (attribution holds on every node).
   */
  publishStored(
    room: string,
    first: number,
    last: number,
    update: Uint8Array,
    claims: readonly Claim[],
  ): void;
  /** An encoded awareness message of presence this node's peers set. */
  publishPresence(room: string, message: Uint8Array): void;
  /**
   * Receives other nodes' messages for the room until the returned function is called. Once
   * subscribed, it reads what was missed meanwhile (onResync) and asks the other nodes for
   * their presence (each answers through onPresenceQuery).
   */
  subscribe(room: string, handlers: RelayHandlers): () => void;
}

/** A Yjs clientID and the member who introduced it. */
export type Claim = readonly [client: number, memberId: string];

export interface RelayHandlers {
  onStored(first: number, last: number, update: Uint8Array, claims: readonly Claim[]): void;
  onPresence(message: Uint8Array): void;
  /** Messages may have been lost (the link to the others came back): read what was missed. */
  onResync(): void;
  /** A node just subscribed to the room: publish the presence this node's peers set. */
  onPresenceQuery(): void;
}
