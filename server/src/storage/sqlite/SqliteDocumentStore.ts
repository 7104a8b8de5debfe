import type Database from 'better-sqlite3';
import type { DocumentStore, LogEntry, StoredDocument } from '../DocumentStore';

/** The embedded document store: one SQLite file, WAL mode (see database.ts). */
export class SqliteDocumentStore implements DocumentStore {
  private readonly statements;
  private readonly appendAll;
  private readonly compactAll;
  private readonly seedOnce;

  constructor(db: Database.Database) {
    const statements = {
      snapshot: db.prepare<[string], { state: Buffer; through_seq: number }>(
        'SELECT state, through_seq FROM doc_snapshots WHERE doc = ?',
      ),
      tail: db.prepare<[string, number], { data: Buffer; seq: number }>(
        'SELECT data, seq FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
      ),
      lastSeq: db.prepare<[string, string], { seq: number }>(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doc = ?), 0),
                    COALESCE((SELECT through_seq FROM doc_snapshots WHERE doc = ?), 0)) AS seq`,
      ),
      insert: db.prepare<[string, number, Uint8Array, string | null, number]>(
        'INSERT INTO doc_updates (doc, seq, data, member_id, at) VALUES (?, ?, ?, ?, ?)',
      ),
      // A snapshot through an older point than the stored one changes nothing.
      upsertSnapshot: db.prepare<[string, Uint8Array, number, number]>(
        `INSERT INTO doc_snapshots (doc, state, through_seq, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc) DO UPDATE SET state = excluded.state,
           through_seq = excluded.through_seq, at = excluded.at
         WHERE doc_snapshots.through_seq < excluded.through_seq`,
      ),
      clients: db.prepare<[string], { client_id: number; member_id: string }>(
        'SELECT client_id, member_id FROM doc_clients WHERE doc = ?',
      ),
      claim: db.prepare<[string, number, string]>(
        'INSERT OR IGNORE INTO doc_clients (doc, client_id, member_id) VALUES (?, ?, ?)',
      ),
      deleteThrough: db.prepare<[string, number]>(
        'DELETE FROM doc_updates WHERE doc = ? AND seq <= ?',
      ),
      changedSince: db.prepare<[number, number], { doc: string }>(
        `SELECT DISTINCT doc FROM doc_updates WHERE at >= ?
         UNION SELECT doc FROM doc_snapshots WHERE at >= ?`,
      ),
    };
    this.statements = statements;
    this.appendAll = db.transaction((doc: string, entries: readonly LogEntry[]): number => {
      let seq = statements.lastSeq.get(doc, doc)?.seq ?? 0;
      const at = Date.now();
      for (const e of entries) {
        statements.insert.run(doc, ++seq, e.update, e.memberId, at);
        if (e.memberId === null) continue;
        for (const client of e.claims) statements.claim.run(doc, client, e.memberId);
      }
      return seq;
    });
    this.seedOnce = db.transaction((doc: string, snapshot: Uint8Array): boolean => {
      if ((statements.lastSeq.get(doc, doc)?.seq ?? 0) > 0 || statements.snapshot.get(doc)) {
        return false;
      }
      statements.upsertSnapshot.run(doc, snapshot, 0, Date.now());
      return true;
    });
    this.compactAll = db.transaction((doc: string, snapshot: Uint8Array, throughSeq: number) => {
      const stored = statements.upsertSnapshot.run(doc, snapshot, throughSeq, Date.now());
      if (stored.changes === 1) statements.deleteThrough.run(doc, throughSeq);
      return stored.changes === 1;
    });
  }

  changedSince(at: number): Promise<string[]> {
    return Promise.resolve(this.statements.changedSince.all(at, at).map((row) => row.doc));
  }

  updatesAfter(doc: string, seq: number) {
    const through = this.statements.snapshot.get(doc)?.through_seq ?? 0;
    if (through > seq) return Promise.resolve(null);
    const rows = this.statements.tail.all(doc, seq);
    return Promise.resolve(rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) })));
  }

  load(doc: string): Promise<StoredDocument> {
    const snapshot = this.statements.snapshot.get(doc);
    const tail = this.statements.tail.all(doc, snapshot?.through_seq ?? 0);
    return Promise.resolve({
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: tail.map((row) => new Uint8Array(row.data)),
      lastSeq: tail.at(-1)?.seq ?? snapshot?.through_seq ?? 0,
      clients: new Map(this.statements.clients.all(doc).map((r) => [r.client_id, r.member_id])),
    });
  }

  append(doc: string, entries: readonly LogEntry[]): Promise<number> {
    return Promise.resolve(this.appendAll(doc, entries));
  }

  seed(doc: string, snapshot: Uint8Array): Promise<boolean> {
    return Promise.resolve(this.seedOnce.immediate(doc, snapshot));
  }

  compact(doc: string, snapshot: Uint8Array, throughSeq: number): Promise<boolean> {
    return Promise.resolve(this.compactAll(doc, snapshot, throughSeq));
  }
}
