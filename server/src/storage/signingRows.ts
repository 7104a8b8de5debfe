import type { AuditEntry } from './auditChain';
import type { Signature, Signing, SigningPhase } from './SigningStore';

/** Signing tables' rows as both stores read them. */
export interface SigningRow {
  id: string;
  partnership_id: string;
  phase: SigningPhase;
  version_id: string;
  hash: string;
  canonical: string;
  started_by: string;
  started_at: number;
  ended_at: number | null;
}

export const toSigning = (r: SigningRow): Signing => ({
  id: r.id,
  partnershipId: r.partnership_id,
  phase: r.phase,
  versionId: r.version_id,
  hash: r.hash,
  canonical: r.canonical,
  startedBy: r.started_by,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

export const toSignature = (r: Record<string, unknown>): Signature => ({
  side: r.side === 'B' ? 'B' : 'A',
  memberId: String(r.member_id),
  name: String(r.name),
  title: String(r.title),
  image: typeof r.image === 'string' ? r.image : null,
  typed: typeof r.typed === 'string' ? r.typed : null,
  consent: String(r.consent),
  hash: String(r.hash),
  ip: String(r.ip),
  userAgent: String(r.user_agent),
  at: Number(r.at),
});

export const toAuditEntry = (r: Record<string, unknown>): AuditEntry => ({
  seq: Number(r.seq),
  at: Number(r.at),
  actor: typeof r.actor === 'string' ? r.actor : null,
  action: String(r.action),
  data: String(r.data),
  prevHash: String(r.prev_hash),
  hash: String(r.hash),
});
