import type { Side } from '@tandem/shared/people';
import type { AuditEntry } from './auditChain';

export type { AuditEntry } from './auditChain';

/** `signing` freezes the agreement; `signed` is final; `amended` archives a signed one. */
export type SigningPhase = 'signing' | 'signed' | 'cancelled' | 'amended';

export interface Signing {
  id: string;
  partnershipId: string;
  phase: SigningPhase;
  versionId: string;
  hash: string;
  canonical: string;
  startedBy: string;
  startedAt: number;
  endedAt: number | null;
}

export interface Signature {
  side: Side;
  memberId: string;
  name: string;
  title: string;
  image: string | null;
  typed: string | null;
  consent: string;
  hash: string;
  ip: string;
  userAgent: string;
  at: number;
}

/** What may be read of signings, inside a unit of work or outside one. */
export interface SigningReads {
  /**
   * The signing in progress or the signed agreement in force, if any.
   * Contract: a partnership has at most one (the store refuses a second).
   */
  current(partnershipId: string): Promise<Signing | null>;
  /** Signed agreements, newest first, including those later amended. */
  archived(partnershipId: string): Promise<Signing[]>;
  /** Oldest first. Contract: at most one per side of a signing. */
  signatures(signingId: string): Promise<Signature[]>;
  /** Oldest first: the order the entries were appended in, which is the chain's order. */
  auditLog(partnershipId: string): Promise<AuditEntry[]>;
  pdf(signingId: string): Promise<Uint8Array | null>;
  /** The signed (or later amended) agreement with this canonical hash. */
  signedByHash(hash: string): Promise<Signing | null>;
  /** Signed agreements whose PDF is not stored yet: the server stopped before it was. */
  withoutPdf(): Promise<Signing[]>;
}

/** The writes, offered only inside a unit of work. */
export interface SigningUnit extends SigningReads {
  /** Starts a signing; refused (throws) if the partnership already has a current one. */
  start(
    partnershipId: string,
    versionId: string,
    canonical: string,
    hash: string,
    by: string,
  ): Promise<Signing>;
  setPhase(signingId: string, phase: SigningPhase): Promise<void>;
  /** Refused (throws) if that side has already signed. */
  addSignature(signingId: string, signature: Signature): Promise<void>;
  /**
   * Appends to the partnership's audit log, chained to the entry before it
   * (`auditHash` in auditChain.ts). Contract: appends to one partnership's log are serialized,
   * so the chain never forks.
   */
  audit(partnershipId: string, actor: string | null, action: string, data: unknown): Promise<void>;
  /** Stores the signed PDF, rendered once; later downloads are these exact bytes. */
  savePdf(signingId: string, pdf: Uint8Array): Promise<void>;
}

/** Signing requests, signatures, signed PDFs and the hash-chained audit log. */
export interface SigningStore extends SigningReads {
  /**
   * Runs `work` as one unit of work: all of its writes happen or none do, and units of work
   * run one after another, so a check inside one ("has this side signed?") still holds when
   * it writes. Contract for callers: `work` awaits only the unit's own methods (no network,
   * no rendering), so a unit stays short on every engine.
   */
  transaction<T>(work: (unit: SigningUnit) => Promise<T>): Promise<T>;
}
