/** Why a version was kept. */
export type VersionKind = 'auto' | 'named' | 'before-restore';

/** A kept state of a document, without the state itself. */
export interface VersionInfo {
  id: string;
  kind: VersionKind;
  name: string | null;
  createdBy: string | null;
  createdAt: number;
  stateHash: string;
  /** The size of the kept state. */
  bytes: number;
}

/**
 * Full document states kept by the server: automatic, named, and taken before a restore.
 * Contract: `list` is newest first, in the order versions were added (the SQLite store orders
 * by rowid, so two versions in one millisecond keep their order).
 */
export interface VersionStore {
  add(doc: string, version: VersionInfo, state: Uint8Array): Promise<void>;
  /** Newest first. */
  list(doc: string): Promise<VersionInfo[]>;
  get(doc: string, id: string): Promise<{ info: VersionInfo; state: Uint8Array } | null>;
  latest(doc: string): Promise<VersionInfo | null>;
  /** Deletes these versions of the document (retention); unknown ids are ignored. */
  remove(doc: string, ids: readonly string[]): Promise<void>;
}
