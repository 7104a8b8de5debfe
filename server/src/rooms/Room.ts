import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore, LogEntry, StoredDocument } from '../storage/DocumentStore';
import { type Credit, countAuthorship } from './authorship';
import { type FanOut, localFanOut } from './FanOut';
import type { Metrics } from '../observability/metrics';
import { encodeAwareness } from './messages';
import { type Origin, originOf } from './origin';
import type { Peer } from './Peer';
import type { Claim, RoomRelay } from './RoomRelay';

/** Tuning shared by every room. */
export interface RoomOptions {
  compactAfterUpdates: number;
  /** Runs after each compaction (e.g. to keep an automatic version); failures are logged. */
  afterCompact?: (room: Room) => Promise<void>;
  /**
   * Refuses a peer's update before it is applied, by throwing ForbiddenChangeError (the
   * document's own rules, such as who may change which comment).
   */
  checkUpdate?: (room: Room, peer: Peer, update: Uint8Array) => void;
  /** Where stored updates and presence go (this process's peers by default). */
  fanOut?: FanOut;
  /** The other nodes of a cluster (RoomRelay.ts); none when this node runs alone. */
  relay?: RoomRelay;
  /** Told after updates are stored and broadcast (e.g. to look for new mentions). */
  onStored?: (room: Room) => void;
  /**
   * The most bytes a document may take in the store (snapshot plus log); an update that adds
   * content past it is refused with DocumentFullError. No cap when absent.
   */
  capOf?: (roomName: string) => number;
  /** Told how long storing and fanning out take (observability/metrics.ts). */
  metrics?: Pick<Metrics, 'stored' | 'fannedOut'>;
  log: (message: string, error?: unknown) => void;
}

interface Pending extends LogEntry {
  /** The peer that sent it, if a peer did. */
  from: Peer | null;
  /** Run once it is stored (see afterStored). */
  then?: (() => void)[];
  /** performance.now() when it arrived, for the fan-out histogram. */
  arrivedAt: number;
}

const MAX_RETRY_MS = 5_000;
/** How soon a catch-up that failed (the store unreachable) is tried again. */
const CATCH_UP_RETRY_MS = 1_000;

/**
 * Updates waiting for the store past which a peer's update is refused (StorageBackedUpError):
 * while storage fails, memory stays bounded and nothing is acknowledged that could be lost.
 */
const MAX_PENDING_UPDATES = 2_000;
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/**
 * One loaded document and the connections editing it. Every update goes through the outbox:
 * it is appended to the store first and broadcast only once stored, so a peer never holds an
 * update the server could lose in a crash.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Server tasks using the room without a connection (see RoomRegistry.withRoom). */
  holders = 0;
  /** Which member introduced each clientID; a peer may only add structs under its own. */
  private readonly clients: Map<number, string>;
  /** ClientIDs claimed in memory and not yet handed to the store. */
  private unsavedClaims: number[] = [];
  private readonly outbox: Pending[] = [];
  /** Awareness clients changed since presence was last sent. */
  private readonly awarenessChanged = new Set<number>();
  private isDraining = false;
  private savedWaiters: (() => void)[] = [];
  /**
   * The stored update through which this room's document holds every update, its own and
   * other nodes' (consecutive per document, so the log's tail is lastSeq - snapshotSeq). A
   * compaction goes no further: it never deletes an update this node has not applied.
   */
  private lastSeq: number;
  private readonly stopRelay: () => void;
  private catchingUp: Promise<void> | null = null;
  private compacting: Promise<void> = Promise.resolve();
  private catchUpAgain = false;
  /** Presence this node's peers changed since it was last published to other nodes. */
  private readonly presenceToPublish = new Set<number>();
  private snapshotSeq: number;
  private readonly fanOut: FanOut;
  /** Bytes the document takes in the store, and bytes waiting in the outbox. */
  private storedBytes: number;
  private pendingBytes = 0;
  /** Set while appending to the store fails; cleared by the next append that succeeds. */
  isStoreFailing = false;

  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    stored: StoredDocument,
    private readonly options: RoomOptions,
  ) {
    // Applied in one transaction, before listening, so loading never re-appends what it read.
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    });
    this.fanOut = options.fanOut ?? localFanOut;
    this.clients = stored.clients;
    this.lastSeq = stored.lastSeq;
    this.snapshotSeq = stored.lastSeq - stored.updates.length;
    this.storedBytes =
      (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, u) => sum + u.length, 0);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, transactionOrigin: unknown) => {
      const origin = originOf(transactionOrigin);
      // Stored on the node that received it: another node's relay is only sent on.
      if (origin.kind === 'relay') return this.fanOut.sendUpdates(this.peers, [update], null);
      const peer = origin.kind === 'peer' ? origin.peer : null;
      const claims = peer ? this.unsavedClaims.splice(0) : [];
      this.outbox.push({
        update,
        memberId: peer?.memberId ?? null,
        claims,
        from: peer,
        arrivedAt: performance.now(),
      });
      this.pendingBytes += update.length;
      if (!this.isDraining) void this.drain();
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    const { relay } = options;
    this.stopRelay = relay
      ? relay.subscribe(name, {
          onStored: (first, last, update, claims) => this.onRelayed(first, last, update, claims),
          onPresence: (message) => {
            awarenessProtocol.applyAwarenessUpdate(this.awareness, message, RELAYED_PRESENCE);
          },
          onResync: () => this.catchUp(),
          onPresenceQuery: () => this.publishOwnPresence(),
        })
      : () => undefined;
    // What other nodes stored between loading and subscribing (read again once subscribed).
    if (relay) this.catchUp();
  }

  /** Another node stored updates `first`..`last`: apply them in order, or read what was missed. */
  private onRelayed(
    first: number,
    last: number,
    update: Uint8Array,
    claims: readonly Claim[],
  ): void {
    if (this.isDestroyed || last <= this.lastSeq) return;
    for (const [client, memberId] of claims) {
      if (!this.clients.has(client)) this.clients.set(client, memberId);
    }
    if (first !== this.lastSeq + 1) return this.catchUp();
    this.applyRelayedUpdate(update, 'cluster');
    this.lastSeq = last;
  }

  /**
   * Reads from the store every update after lastSeq and applies it (applying an update twice
   * changes nothing). One at a time; a request during one runs once more after it.
   */
  private catchUp(): void {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        const rows = await this.store.updatesAfter(this.name, this.lastSeq);
        if (this.isDestroyed) return;
        if (rows === null) {
          // Another node compacted past what this node has: take its snapshot and the tail.
          const stored = await this.store.load(this.name);
          if (this.isDestroyed) return;
          for (const [client, memberId] of stored.clients) this.clients.set(client, memberId);
          if (stored.snapshot) this.applyRelayedUpdate(stored.snapshot, 'store');
          for (const u of stored.updates) this.applyRelayedUpdate(u, 'store');
          this.lastSeq = Math.max(this.lastSeq, stored.lastSeq);
          this.snapshotSeq = Math.max(this.snapshotSeq, stored.lastSeq - stored.updates.length);
          continue;
        }
        for (const { seq, update } of rows) {
          this.applyRelayedUpdate(update, 'store');
          this.lastSeq = Math.max(this.lastSeq, seq);
        }
      } while (this.catchUpAgain && !this.isDestroyed);
    })()
      .catch((error: unknown) => {
        this.options.log(`room ${this.name}: catching up failed, trying again`, error);
        // The store is back sooner or later: nothing another node stored may stay missing.
        setTimeout(() => {
          if (!this.isDestroyed) this.catchUp();
        }, CATCH_UP_RETRY_MS).unref();
      })
      .finally(() => (this.catchingUp = null));
  }

  /**
   * Applies an update a peer sent. Throws, changing nothing, when it cannot be decoded or
   * when it adds structs under a clientID another member introduced (attribution spoofing).
   */
  applyPeerUpdate(peer: Peer, update: Uint8Array): void {
    // decodeUpdate parses structs and delete set in full; applyUpdate alone may integrate the
    // structs of a message whose delete set turns out to be truncated.
    const { structs } = Y.decodeUpdate(update);
    const claims = new Set<number>();
    let addsContent = false;
    for (const struct of structs) {
      const { client, clock } = struct.id;
      // Structs the server already has (a reconnecting client's sync step 2) change nothing.
      if (clock + struct.length <= Y.getState(this.doc.store, client)) continue;
      addsContent = true;
      const owner = this.clients.get(client);
      if (owner === undefined) claims.add(client);
      else if (owner !== peer.memberId) throw new AttributionError(client);
    }
    if (addsContent) this.refuseUnlessRoomFor(update);
    this.options.checkUpdate?.(this, peer, update);
    if (peer.memberId !== null) {
      for (const client of claims) this.clients.set(client, peer.memberId);
      this.unsavedClaims.push(...claims);
    }
    const origin: Origin = { kind: 'peer', peer };
    Y.applyUpdate(this.doc, update, origin);
  }

  /**
   * Applies an update another node stored and published: sent to this node's peers, never
   * stored or published again.
   */
  applyRelayedUpdate(update: Uint8Array, node: string): void {
    const origin: Origin = { kind: 'relay', node };
    Y.applyUpdate(this.doc, update, origin);
  }

  /** Bytes the document takes in the store once everything applied is stored. */
  get byteSize(): number {
    return this.storedBytes + this.pendingBytes;
  }

  private refuseUnlessRoomFor(update: Uint8Array): void {
    if (this.outbox.length >= MAX_PENDING_UPDATES || this.pendingBytes >= MAX_PENDING_BYTES) {
      throw new StorageBackedUpError(this.name);
    }
    const cap = this.options.capOf?.(this.name) ?? Infinity;
    if (this.byteSize + update.length > cap) throw new DocumentFullError(this.name, cap);
  }

  /** The member who introduced a Yjs clientID in this document, if any. */
  clientOwner(client: number): string | undefined {
    return this.clients.get(client);
  }

  /** Words written per member, from who introduced each item (R-authorship, authorship.ts). */
  authorship(credits: readonly Credit[] = []): Map<string, number> {
    return countAuthorship(this.doc, this.clients, credits);
  }

  /** Resolves once every update applied so far is stored (and so broadcast). */
  whenSaved(): Promise<void> {
    if (!this.isDraining && this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.savedWaiters.push(resolve));
  }

  /**
   * Runs `run` once every update applied so far is stored (at once when nothing waits): a
   * receipt for an edit is sent only when a crash can no longer lose it.
   */
  afterStored(run: () => void): void {
    const last = this.outbox.at(-1);
    if (last) (last.then ??= []).push(run);
    else run();
  }

  /** {@link whenSaved}, or StorageTimeoutError after `ms`: nobody waits on a failing store. */
  async savedWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageTimeoutError(this.name)), ms);
    });
    try {
      await Promise.race([this.whenSaved(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops a closed connection and the awareness states it introduced. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /** Stores the whole state as a snapshot when the log has a tail; call before unloading. */
  compact(): Promise<void> {
    // One at a time: a shutdown's compaction waits for one the log's length started.
    const next = this.compacting.catch(() => undefined).then(() => this.compactNow());
    this.compacting = next;
    return next;
  }

  private async compactNow(): Promise<void> {
    await this.whenSaved();
    const throughSeq = this.lastSeq;
    if (throughSeq === this.snapshotSeq) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const isStored = await this.store.compact(this.name, snapshot, throughSeq);
    this.snapshotSeq = throughSeq;
    if (!isStored) return; // another node compacted it (and keeps the automatic version)
    // Everything stored so far is now this snapshot (the outbox is empty after whenSaved).
    this.storedBytes = snapshot.length;
    await this.options.afterCompact?.(this).catch((error: unknown) => {
      this.options.log(`room ${this.name}: after-compaction task failed`, error);
    });
  }

  /** Whether a connection or a server task still needs the room loaded. */
  get isInUse(): boolean {
    return this.peers.size > 0 || this.holders > 0;
  }

  get isDestroyed(): boolean {
    return this.doc.isDestroyed;
  }

  /** Tells the other nodes everything this node's peers have set (a node just joined). */
  private publishOwnPresence(): void {
    const ids = [...this.peers].flatMap((peer) => [...peer.awarenessIds]);
    const known = ids.filter((id) => this.awareness.getStates().has(id));
    if (known.length === 0) return;
    this.options.relay?.publishPresence(
      this.name,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, known),
    );
  }

  destroy(): void {
    this.stopRelay();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async drain(): Promise<void> {
    this.isDraining = true;
    let retryMs = 100;
    try {
      // Updates that arrive in the same event-loop turn (a typing storm) are stored in one
      // transaction and sent as one message; setImmediate adds no delay to a lone update.
      await new Promise((resolve) => setImmediate(resolve));
      // A destroyed room (shutdown gave up on a failing store) stops retrying.
      while (this.outbox.length > 0 && !this.isDestroyed) {
        const batch = this.outbox.slice();
        let last: number;
        try {
          const startedAt = performance.now();
          last = await this.store.append(this.name, batch);
          this.options.metrics?.stored(batch.length, (performance.now() - startedAt) / 1000);
          this.isStoreFailing = false;
        } catch (error) {
          this.isStoreFailing = true;
          // The document stays in memory and keeps accepting edits; nothing is broadcast
          // until it is stored, so no peer can hold an update the store lacks.
          this.options.log(
            `room ${this.name}: storing ${batch.length} updates failed, retrying`,
            error,
          );
          await delay(retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          continue;
        }
        this.outbox.splice(0, batch.length);
        this.storedThrough(last - batch.length + 1, last, batch);
        const bytes = batch.reduce((sum, p) => sum + p.update.length, 0);
        this.pendingBytes -= bytes;
        this.storedBytes += bytes;
        this.broadcast(batch);
        const sentAt = performance.now();
        for (const p of batch) this.options.metrics?.fannedOut((sentAt - p.arrivedAt) / 1000);
        for (const run of batch.flatMap((p) => p.then ?? [])) run();
        this.options.onStored?.(this);
      }
    } finally {
      this.isDraining = false;
    }
    for (const resolve of this.savedWaiters.splice(0)) resolve();
    await this.compactIfLong();
  }

  /**
   * This node stored updates `first`..`last`: they follow what it holds, or another node
   * stored some in between (then those are read). Other nodes are told.
   */
  private storedThrough(first: number, last: number, batch: readonly Pending[]): void {
    if (first === this.lastSeq + 1) this.lastSeq = last;
    else this.catchUp();
    const { relay } = this.options;
    if (!relay) return;
    const update =
      batch.length === 1
        ? (batch[0] as Pending).update
        : Y.mergeUpdates(batch.map((p) => p.update));
    const claims = batch.flatMap((p) =>
      p.memberId === null ? [] : p.claims.map((client) => [client, p.memberId as string] as const),
    );
    relay.publishStored(this.name, first, last, update, claims);
  }

  /** Compacts once the log's tail is long, so loads stay fast. Never throws. */
  async compactIfLong(): Promise<void> {
    if (this.lastSeq - this.snapshotSeq < this.options.compactAfterUpdates) return;
    await this.compact().catch((error: unknown) => {
      this.options.log(`room ${this.name}: compaction failed`, error);
    });
  }

  /** Sends what was stored; a batch one peer sent entirely skips that peer. */
  private broadcast(batch: readonly Pending[]): void {
    const from = batch.every((p) => p.from === batch[0]?.from) ? (batch[0]?.from ?? null) : null;
    this.fanOut.sendUpdates(
      this.peers,
      batch.map((p) => p.update),
      from,
    );
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = isPeer(origin, this.peers) ? origin : null;
    if (peer) {
      for (const id of change.added) peer.awarenessIds.add(id);
      for (const id of change.removed) peer.awarenessIds.delete(id);
    }
    const hadPending = this.awarenessChanged.size > 0;
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.awarenessChanged.add(id);
      // Presence from another node is only sent on here, never published back.
      if (origin !== RELAYED_PRESENCE) this.presenceToPublish.add(id);
    }
    if (!hadPending) setImmediate(this.sendAwareness);
  };

  /**
   * Sends the presence that changed in this event-loop turn as one message. Stock providers
   * renew their presence every 15 seconds, all at once when they joined together; sent one by
   * one, a hundred renewals are ten thousand messages in a single burst.
   */
  private readonly sendAwareness = (): void => {
    if (this.isDestroyed || this.awarenessChanged.size === 0) return;
    const message = encodeAwareness(this.awareness, [...this.awarenessChanged]);
    this.awarenessChanged.clear();
    this.fanOut.sendPresence(this.peers, message);
    if (this.options.relay && this.presenceToPublish.size > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.presenceToPublish,
      ]);
      this.presenceToPublish.clear();
      this.options.relay.publishPresence(this.name, update);
    }
  };
}

/** An update breaks the document's rules for this member (see RoomOptions.checkUpdate). */
export class ForbiddenChangeError extends Error {
  override readonly name = 'ForbiddenChangeError';
}

/** An update would take the document past its size cap; nothing was applied. */
export class DocumentFullError extends Error {
  override readonly name = 'DocumentFullError';
  constructor(room: string, cap: number) {
    super(`${room} would pass its cap of ${cap} bytes`);
  }
}

/** Storing has fallen behind (storage failing): the update is refused, nothing applied. */
export class StorageBackedUpError extends Error {
  override readonly name = 'StorageBackedUpError';
  constructor(room: string) {
    super(`${room}: too many updates wait for storage`);
  }
}

/** Storing what was applied took too long (storage failing). */
export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';
  constructor(room: string) {
    super(`${room}: storage did not answer in time`);
  }
}

/** An update carried structs under a clientID that belongs to another member. */
export class AttributionError extends Error {
  override readonly name = 'AttributionError';
  constructor(client: number) {
    super(`clientID ${client} belongs to another member`);
  }
}

/** The origin of presence applied from another node. */
const RELAYED_PRESENCE = Symbol('relayed presence');

function isPeer(origin: unknown, peers: ReadonlySet<Peer>): origin is Peer {
  return peers.has(origin as Peer);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
