import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditHash, GENESIS } from '../auditChain';
import { type SigningRow, toAuditEntry, toSignature, toSigning } from '../signingRows';
import type { SigningPhase, SigningReads, SigningStore, SigningUnit } from '../SigningStore';
import { unitsOfWork } from './unitOfWork';

function statements(db: Database.Database) {
  return {
    current: db.prepare<[string], SigningRow>(
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
    pdf: db.prepare<[string], { pdf: Buffer }>('SELECT pdf FROM signed_pdfs WHERE signing_id = ?'),
    byHash: db.prepare<[string], SigningRow>(
      `SELECT * FROM signings WHERE hash = ? AND phase IN ('signed', 'amended') LIMIT 1`,
    ),
    withoutPdf: db.prepare<[], SigningRow>(
      `SELECT * FROM signings WHERE phase = 'signed'
       AND id NOT IN (SELECT signing_id FROM signed_pdfs) ORDER BY started_at`,
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
}

/** Signing on SQLite: every method runs synchronously underneath. */
/** Runs a synchronous statement now and hands its result (or error) over as a promise. */
function now<T>(statement: () => T): Promise<T> {
  try {
    return Promise.resolve(statement());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function createSqliteSigningStore(db: Database.Database): SigningStore {
  const s = statements(db);
  const reads: SigningReads = {
    current: (partnershipId) =>
      now(() => {
        const row = s.current.get(partnershipId);
        return row ? toSigning(row) : null;
      }),
    archived: (partnershipId) => now(() => s.archived.all(partnershipId).map(toSigning)),
    signatures: (signingId) => now(() => s.signatures.all(signingId).map(toSignature)),
    auditLog: (partnershipId) => now(() => s.audit.all(partnershipId).map(toAuditEntry)),
    pdf: (signingId) =>
      now(() => {
        const row = s.pdf.get(signingId);
        return row ? new Uint8Array(row.pdf) : null;
      }),
    signedByHash: (hash) =>
      now(() => {
        const row = s.byHash.get(hash);
        return row ? toSigning(row) : null;
      }),
    withoutPdf: () => now(() => s.withoutPdf.all().map(toSigning)),
  };
  const unit: SigningUnit = {
    ...reads,
    start: (partnershipId, versionId, canonical, hash, by) =>
      now(() => {
        const id = crypto.randomUUID();
        // The unique index one_current_signing refuses a second current signing.
        s.insert.run(id, partnershipId, versionId, hash, canonical, by, Date.now());
        return toSigning(s.current.get(partnershipId) as SigningRow);
      }),
    setPhase: (signingId, phase) =>
      now(() => {
        s.setPhase.run(phase, Date.now(), signingId);
      }),
    addSignature: (signingId, signature) =>
      now(() => {
        s.sign.run({ signingId, ...signature });
      }),
    audit: (partnershipId, actor, action, data) =>
      now(() => {
        const prevHash = s.lastAudit.get(partnershipId)?.hash ?? GENESIS;
        const at = Date.now();
        const json = JSON.stringify(data);
        const hash = auditHash({ partnershipId, at, actor, action, data: json, prevHash });
        s.addAudit.run(partnershipId, at, actor, action, json, prevHash, hash);
      }),
    savePdf: (signingId, pdf) =>
      now(() => {
        s.savePdf.run(signingId, pdf, Date.now());
      }),
  };
  const run = unitsOfWork(db);
  return { ...reads, transaction: (work) => run(() => work(unit)) };
}
