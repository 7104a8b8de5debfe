/** What is stored of one document: the last snapshot and the update log after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (or of the snapshot), 0 when empty. */
  lastSeq: number;
  /** Which member introduced each Yjs clientID (attribution). */
  clients: Map<number, string>;
}

/** One Yjs update and the member whose connection sent it (`null`: the server itself). */
export interface LogEntry {
  update: Uint8Array;
  memberId: string | null;
  /** Yjs clientIDs this member introduced with this update; stored with it. */
  claims: readonly number[];
}

/**
 * Storage for Yjs documents: an append-only update log plus snapshots. SQLite is the embedded
 * default; a PostgreSQL implementation plugs in here. Every method is async for that reason.
 */
export interface DocumentStore {
  load(doc: string): Promise<StoredDocument>;
  /**
   * Appends updates to the log in one transaction and resolves once they are durable enough
   * to survive the process being killed. Resolves to the sequence number of the last one.
   * Contract: a document's sequence numbers are consecutive and allocated by the store, so two
   * writers to one document never lose or reorder an update.
   */
  append(doc: string, entries: readonly LogEntry[]): Promise<number>;
  /**
   * Stores `snapshot` as the document's first row, in one transaction, unless the document
   * already has rows (another node seeded it first). Resolves to whether it was stored.
   */
  seed(doc: string, snapshot: Uint8Array): Promise<boolean>;
  /**
   * Replaces the log up to `throughSeq` by `snapshot`, in one transaction; rows after
   * `throughSeq` stay. Resolves to false, changing nothing, when the stored snapshot is as new
   * or another node is compacting the document right now (each compaction happens once).
   */
  compact(doc: string, snapshot: Uint8Array, throughSeq: number): Promise<boolean>;
  /**
   * The stored updates after `seq`, in order, or null when a compaction removed some of them
   * (load the document instead). How a node of a cluster catches up on what it missed.
   */
  updatesAfter(doc: string, seq: number): Promise<{ seq: number; update: Uint8Array }[] | null>;
  /**
   * Documents with an update or a snapshot stored at or after `at` (ms since the epoch), each
   * once, e.g. to look again for mentions a restart interrupted.
   */
  changedSince(at: number): Promise<string[]>;
}
