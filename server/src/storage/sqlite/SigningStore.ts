import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Side } from '@tandem/shared/people';

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

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  data: string;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/** The hash of an audit entry: it covers the previous entry's hash, so the log is a chain. */
export function auditHash(
  entry: Omit<AuditEntry, 'seq' | 'hash'> & { partnershipId: string },
): string {
  return crypto
    .createHash('sha256')
    .update(
      [
        entry.prevHash,
        entry.partnershipId,
        entry.at,
        entry.actor ?? '',
        entry.action,
        entry.data,
      ].join('\n'),
    )
    .digest('hex');
}

interface SigningRow {
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

const toSigning = (r: SigningRow): Signing => ({
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

/** Signing requests, signatures and the hash-chained audit log (SQLite). */
export class SigningStore {
  private readonly s;
  private readonly appendAudit;

  constructor(db: Database.Database) {
    const s = {
      latest: db.prepare<[string], SigningRow>(
        `SELECT * FROM signings WHERE partnership_id = ? AND phase IN ('signing', 'signed')
         ORDER BY started_at DESC LIMIT 1`,
      ),
      archived: db.prepare<[string], SigningRow>(
        `SELECT * FROM signings WHERE partnership_id = ? AND phase IN ('signed', 'amended') ORDER BY started_at DESC`,
      ),
      insert: db.prepare<[string, string, string, string, string, string, number]>(
        `INSERT INTO signings (id, partnership_id, phase, version_id, hash, canonical, started_by, started_at)
         VALUES (?, ?, 'signing', ?, ?, ?, ?, ?)`,
      ),
      setPhase: db.prepare<[SigningPhase, number, string]>(
        'UPDATE signings SET phase = ?, ended_at = ? WHERE id = ?',
      ),
      signatures: db.prepare<[string], Record<string, unknown>>(
        'SELECT * FROM signatures WHERE signing_id = ? ORDER BY at',
      ),
      sign: db.prepare(
        `INSERT INTO signatures (signing_id, side, member_id, name, title, image, typed, consent, hash, ip, user_agent, at)
         VALUES (@signingId, @side, @memberId, @name, @title, @image, @typed, @consent, @hash, @ip, @userAgent, @at)`,
      ),
      savePdf: db.prepare<[string, Uint8Array, number]>(
        'INSERT OR REPLACE INTO signed_pdfs (signing_id, pdf, at) VALUES (?, ?, ?)',
      ),
      pdf: db.prepare<[string], { pdf: Buffer }>(
        'SELECT pdf FROM signed_pdfs WHERE signing_id = ?',
      ),
      byHash: db.prepare<[string], SigningRow>(
        `SELECT * FROM signings WHERE hash = ? AND phase IN ('signed', 'amended') LIMIT 1`,
      ),
      lastAudit: db.prepare<[string], { hash: string }>(
        'SELECT hash FROM audit_log WHERE partnership_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      audit: db.prepare<[string], Record<string, unknown>>(
        'SELECT * FROM audit_log WHERE partnership_id = ? ORDER BY seq',
      ),
      addAudit: db.prepare<[string, number, string | null, string, string, string, string]>(
        'INSERT INTO audit_log (partnership_id, at, actor, action, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    this.s = s;
    this.appendAudit = db.transaction(
      (partnershipId: string, actor: string | null, action: string, data: unknown) => {
        const prevHash = s.lastAudit.get(partnershipId)?.hash ?? GENESIS;
        const at = Date.now();
        const json = JSON.stringify(data);
        const hash = auditHash({ partnershipId, at, actor, action, data: json, prevHash });
        s.addAudit.run(partnershipId, at, actor, action, json, prevHash, hash);
      },
    );
  }

  /** The signing in progress or the signed agreement in force, if any. */
  current(partnershipId: string): Signing | null {
    const row = this.s.latest.get(partnershipId);
    return row ? toSigning(row) : null;
  }

  /** Signed agreements, newest first, including those later amended. */
  archived(partnershipId: string): Signing[] {
    return this.s.archived.all(partnershipId).map(toSigning);
  }

  /** Whether the agreement is frozen (signing under way, or signed and not amended). */
  isFrozen(partnershipId: string): boolean {
    return this.current(partnershipId) !== null;
  }

  /** Refuses (AGREEMENT_FROZEN) while signing is under way or done: the text may not change. */
  requireDraft(partnershipId: string): void {
    if (this.isFrozen(partnershipId)) {
      throw new AppError(ErrorCode.AGREEMENT_FROZEN, 'The agreement is frozen for signing.');
    }
  }

  start(
    partnershipId: string,
    versionId: string,
    canonical: string,
    hash: string,
    by: string,
  ): Signing {
    const id = crypto.randomUUID();
    this.s.insert.run(id, partnershipId, versionId, hash, canonical, by, Date.now());
    return this.current(partnershipId) as Signing;
  }

  setPhase(signingId: string, phase: SigningPhase): void {
    this.s.setPhase.run(phase, Date.now(), signingId);
  }

  addSignature(signingId: string, signature: Signature): void {
    this.s.sign.run({ signingId, ...signature });
  }

  signatures(signingId: string): Signature[] {
    return this.s.signatures.all(signingId).map((r) => ({
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
    }));
  }

  audit(partnershipId: string, actor: string | null, action: string, data: unknown): void {
    this.appendAudit(partnershipId, actor, action, data);
  }

  auditLog(partnershipId: string): AuditEntry[] {
    return this.s.audit.all(partnershipId).map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      actor: typeof r.actor === 'string' ? r.actor : null,
      action: String(r.action),
      data: String(r.data),
      prevHash: String(r.prev_hash),
      hash: String(r.hash),
    }));
  }

  /** Stores the signed PDF, rendered once when both sides have signed. */
  savePdf(signingId: string, pdf: Uint8Array): void {
    this.s.savePdf.run(signingId, pdf, Date.now());
  }

  pdf(signingId: string): Uint8Array | null {
    const row = this.s.pdf.get(signingId);
    return row ? new Uint8Array(row.pdf) : null;
  }

  /** The signed agreement with this canonical hash, for verifying a PDF against the record. */
  signedByHash(hash: string): Signing | null {
    const row = this.s.byHash.get(hash);
    return row ? toSigning(row) : null;
  }

  /** Whether every entry's hash covers its content and the entry before it. */
  isAuditIntact(partnershipId: string): boolean {
    let prev = GENESIS;
    for (const e of this.auditLog(partnershipId)) {
      if (e.prevHash !== prev || auditHash({ ...e, partnershipId }) !== e.hash) return false;
      prev = e.hash;
    }
    return true;
  }
}
