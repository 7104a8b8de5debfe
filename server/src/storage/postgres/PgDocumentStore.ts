import type pg from 'pg';
import type { DocumentStore, LogEntry, StoredDocument } from '../DocumentStore';
import { inTransaction } from './database';

/**
 * Documents on PostgreSQL, for several nodes. Sequence numbers come from `doc_heads`, raised
 * in the appending transaction: two nodes appending at once get distinct, consecutive ranges.
 * A commit is durable before `append` resolves (synchronous_commit, the default).
 */
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(doc: string): Promise<StoredDocument> {
    // One snapshot of the database for all three reads: nothing appended between them is half seen.
    return inTransaction(this.pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = await client.query<{ state: Buffer; through_seq: string }>(
        'SELECT state, through_seq FROM doc_snapshots WHERE doc = $1',
        [doc],
      );
      const through = Number(snapshot.rows[0]?.through_seq ?? 0);
      const tail = await client.query<{ data: Buffer; seq: string }>(
        'SELECT data, seq FROM doc_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
        [doc, through],
      );
      const clients = await client.query<{ client_id: string; member_id: string }>(
        'SELECT client_id, member_id FROM doc_clients WHERE doc = $1',
        [doc],
      );
      const state = snapshot.rows[0]?.state;
      return {
        snapshot: state ? new Uint8Array(state) : null,
        updates: tail.rows.map((row) => new Uint8Array(row.data)),
        lastSeq: Number(tail.rows.at(-1)?.seq ?? through),
        clients: new Map(clients.rows.map((r) => [Number(r.client_id), r.member_id])),
      };
    });
  }

  async updatesAfter(doc: string, seq: number) {
    return inTransaction(this.pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = await client.query<{ through_seq: number }>(
        'SELECT through_seq FROM doc_snapshots WHERE doc = $1',
        [doc],
      );
      if ((snapshot.rows[0]?.through_seq ?? 0) > seq) return null;
      const { rows } = await client.query<{ data: Buffer; seq: number }>(
        'SELECT data, seq FROM doc_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
        [doc, seq],
      );
      return rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) }));
    });
  }

  async append(doc: string, entries: readonly LogEntry[]): Promise<number> {
    if (entries.length === 0) return (await this.load(doc)).lastSeq;
    return inTransaction(this.pool, async (client) => {
      // The row lock on the head orders concurrent appends to one document.
      const head = await client.query<{ last_seq: string }>(
        `INSERT INTO doc_heads (doc, last_seq) VALUES ($1, $2)
         ON CONFLICT (doc) DO UPDATE SET last_seq = doc_heads.last_seq + $2
         RETURNING last_seq`,
        [doc, entries.length],
      );
      const last = Number(head.rows[0]?.last_seq ?? entries.length);
      const at = Date.now();
      let seq = last - entries.length;
      for (const entry of entries) {
        await client.query(
          'INSERT INTO doc_updates (doc, seq, data, member_id, at) VALUES ($1, $2, $3, $4, $5)',
          [doc, ++seq, entry.update, entry.memberId, at],
        );
        if (entry.memberId === null) continue;
        for (const clientId of entry.claims) {
          await client.query(
            `INSERT INTO doc_clients (doc, client_id, member_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING`,
            [doc, clientId, entry.memberId],
          );
        }
      }
      return last;
    });
  }

  async seed(doc: string, snapshot: Uint8Array): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // Only the node that creates the head seeds; any other finds it there.
      const created = await client.query(
        `INSERT INTO doc_heads (doc, last_seq) VALUES ($1, 0) ON CONFLICT (doc) DO NOTHING`,
        [doc],
      );
      if (created.rowCount !== 1) return false;
      await client.query(
        'INSERT INTO doc_snapshots (doc, state, through_seq, at) VALUES ($1, $2, 0, $3)',
        [doc, snapshot, Date.now()],
      );
      return true;
    });
  }

  async compact(doc: string, snapshot: Uint8Array, throughSeq: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // One node compacts a document at a time; the others skip it.
      const lock = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [doc],
      );
      if (!lock.rows[0]?.locked) return false;
      // A snapshot through an older point than the stored one changes nothing.
      const stored = await client.query(
        `INSERT INTO doc_snapshots (doc, state, through_seq, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc) DO UPDATE SET state = excluded.state,
           through_seq = excluded.through_seq, at = excluded.at
         WHERE doc_snapshots.through_seq < excluded.through_seq`,
        [doc, snapshot, throughSeq, Date.now()],
      );
      if (stored.rowCount !== 1) return false;
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [doc, throughSeq]);
      return true;
    });
  }

  async changedSince(at: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ doc: string }>(
      `SELECT DISTINCT doc FROM doc_updates WHERE at >= $1
       UNION SELECT doc FROM doc_snapshots WHERE at >= $1`,
      [at],
    );
    return rows.map((row) => row.doc);
  }
}
