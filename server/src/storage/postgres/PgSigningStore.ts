import crypto from 'node:crypto';
import type pg from 'pg';
import { auditHash, GENESIS } from '../auditChain';
import { type SigningRow, toAuditEntry, toSignature, toSigning } from '../signingRows';
import type { SigningReads, SigningStore, SigningUnit } from '../SigningStore';
import { inTransaction } from './database';

type Queryable = pg.Pool | pg.PoolClient;

/** Units of work on signing take this advisory lock: they run one after another, cluster-wide. */
const SIGNING_LOCK = 0x7369676e; // "sign"

function readsOn(db: Queryable): SigningReads {
  const signings = async (sql: string, values: unknown[]) =>
    (await db.query<SigningRow>(sql, values)).rows.map(toSigning);
  return {
    current: async (partnershipId) =>
      (
        await signings(
          `SELECT * FROM signings WHERE partnership_id = $1 AND phase IN ('signing', 'signed')
           ORDER BY started_at DESC LIMIT 1`,
          [partnershipId],
        )
      )[0] ?? null,
    archived: (partnershipId) =>
      signings(
        `SELECT * FROM signings WHERE partnership_id = $1 AND phase IN ('signed', 'amended')
         ORDER BY started_at DESC`,
        [partnershipId],
      ),
    signatures: async (signingId) =>
      (
        await db.query('SELECT * FROM signatures WHERE signing_id = $1 ORDER BY at', [signingId])
      ).rows.map(toSignature),
    auditLog: async (partnershipId) =>
      (
        await db.query('SELECT * FROM audit_log WHERE partnership_id = $1 ORDER BY seq', [
          partnershipId,
        ])
      ).rows.map(toAuditEntry),
    pdf: async (signingId) => {
      const { rows } = await db.query<{ pdf: Buffer }>(
        'SELECT pdf FROM signed_pdfs WHERE signing_id = $1',
        [signingId],
      );
      return rows[0] ? new Uint8Array(rows[0].pdf) : null;
    },
    signedByHash: async (hash) =>
      (
        await signings(
          `SELECT * FROM signings WHERE hash = $1 AND phase IN ('signed', 'amended') LIMIT 1`,
          [hash],
        )
      )[0] ?? null,
    withoutPdf: () =>
      signings(
        `SELECT * FROM signings WHERE phase = 'signed'
         AND id NOT IN (SELECT signing_id FROM signed_pdfs) ORDER BY started_at`,
        [],
      ),
  };
}

function unitOn(client: pg.PoolClient): SigningUnit {
  const reads = readsOn(client);
  return {
    ...reads,
    async start(partnershipId, versionId, canonical, hash, by) {
      // The unique index one_current_signing refuses a second current signing.
      await client.query(
        `INSERT INTO signings (id, partnership_id, phase, version_id, hash, canonical, started_by, started_at)
         VALUES ($1, $2, 'signing', $3, $4, $5, $6, $7)`,
        [crypto.randomUUID(), partnershipId, versionId, hash, canonical, by, Date.now()],
      );
      const current = await reads.current(partnershipId);
      if (!current) throw new Error('the new signing is not current');
      return current;
    },
    async setPhase(signingId, phase) {
      await client.query('UPDATE signings SET phase = $1, ended_at = $2 WHERE id = $3', [
        phase,
        Date.now(),
        signingId,
      ]);
    },
    async addSignature(signingId, s) {
      await client.query(
        `INSERT INTO signatures (signing_id, side, member_id, name, title, image, typed, consent, hash, ip, user_agent, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          signingId,
          s.side,
          s.memberId,
          s.name,
          s.title,
          s.image,
          s.typed,
          s.consent,
          s.hash,
          s.ip,
          s.userAgent,
          s.at,
        ],
      );
    },
    async audit(partnershipId, actor, action, data) {
      const { rows } = await client.query<{ hash: string }>(
        'SELECT hash FROM audit_log WHERE partnership_id = $1 ORDER BY seq DESC LIMIT 1',
        [partnershipId],
      );
      const prevHash = rows[0]?.hash ?? GENESIS;
      const at = Date.now();
      const json = JSON.stringify(data);
      const hash = auditHash({ partnershipId, at, actor, action, data: json, prevHash });
      await client.query(
        `INSERT INTO audit_log (partnership_id, at, actor, action, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [partnershipId, at, actor, action, json, prevHash, hash],
      );
    },
    async savePdf(signingId, pdf) {
      await client.query(
        `INSERT INTO signed_pdfs (signing_id, pdf, at) VALUES ($1, $2, $3)
         ON CONFLICT (signing_id) DO UPDATE SET pdf = excluded.pdf, at = excluded.at`,
        [signingId, pdf, Date.now()],
      );
    },
  };
}

/**
 * Signing on PostgreSQL. A unit of work is one transaction that first takes a cluster-wide
 * advisory lock, so units run one after another on every node, as SigningStore requires (the
 * audit chain never forks, "has this side signed?" still holds when the unit writes).
 */
export function createPgSigningStore(pool: pg.Pool): SigningStore {
  return {
    ...readsOn(pool),
    transaction: (work) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_LOCK]);
        return work(unitOn(client));
      }),
  };
}
