import Database from 'better-sqlite3';
import type pg from 'pg';
import * as Y from 'yjs';
import { inTransaction, openPostgres } from './postgres/database';
import { PgDocumentStore } from './postgres/PgDocumentStore';
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore';

/**
 * The tables, parents before children, with the columns both engines share. `versions` is
 * copied in insertion order, so PostgreSQL's `ord` keeps the order SQLite's rowid gave.
 */
const TABLES: readonly { name: string; columns: readonly string[]; order: string }[] = [
  {
    name: 'accounts',
    columns: [
      'id',
      'email',
      'password_hash',
      'name',
      'language',
      'time_zone',
      'created_at',
      'email_confirmed_at',
      'deleted_at',
    ],
    order: 'created_at, id',
  },
  {
    name: 'sessions',
    columns: ['token_hash', 'account_id', 'created_at', 'expires_at', 'device'],
    order: 'token_hash',
  },
  {
    name: 'password_resets',
    columns: ['token_hash', 'account_id', 'created_at', 'expires_at', 'used_at'],
    order: 'token_hash',
  },
  {
    name: 'email_confirmations',
    columns: ['token_hash', 'account_id', 'email', 'created_at', 'expires_at', 'used_at'],
    order: 'token_hash',
  },
  { name: 'partnerships', columns: ['id', 'created_by', 'created_at'], order: 'created_at, id' },
  { name: 'sides', columns: ['partnership_id', 'side', 'school'], order: 'partnership_id, side' },
  {
    name: 'members',
    columns: ['id', 'partnership_id', 'account_id', 'side', 'role', 'joined_at', 'removed_at'],
    order: 'joined_at, id',
  },
  {
    name: 'invites',
    columns: [
      'id',
      'token_hash',
      'partnership_id',
      'side',
      'role',
      'max_uses',
      'uses',
      'expires_at',
      'created_by',
      'created_at',
      'revoked_at',
      'email',
    ],
    order: 'created_at, id',
  },
  { name: 'doc_updates', columns: ['doc', 'seq', 'data', 'member_id', 'at'], order: 'doc, seq' },
  { name: 'doc_snapshots', columns: ['doc', 'state', 'through_seq', 'at'], order: 'doc' },
  { name: 'doc_clients', columns: ['doc', 'client_id', 'member_id'], order: 'doc, client_id' },
  {
    name: 'versions',
    columns: ['id', 'doc', 'kind', 'name', 'created_by', 'created_at', 'state', 'state_hash'],
    order: 'rowid',
  },
  {
    name: 'thread_reads',
    columns: ['member_id', 'doc', 'thread_id', 'read_at'],
    order: 'member_id, doc, thread_id',
  },
  {
    name: 'notifications',
    columns: ['member_id', 'comment_id', 'kind', 'sent_at'],
    order: 'member_id, comment_id, kind',
  },
  {
    name: 'digests',
    columns: ['member_id', 'local_date', 'sent_at'],
    order: 'member_id, local_date',
  },
  {
    name: 'signings',
    columns: [
      'id',
      'partnership_id',
      'phase',
      'version_id',
      'hash',
      'canonical',
      'started_by',
      'started_at',
      'ended_at',
    ],
    order: 'started_at, id',
  },
  {
    name: 'signatures',
    columns: [
      'signing_id',
      'side',
      'member_id',
      'name',
      'title',
      'image',
      'typed',
      'consent',
      'hash',
      'ip',
      'user_agent',
      'at',
    ],
    order: 'signing_id, side',
  },
  {
    name: 'audit_log',
    columns: ['seq', 'partnership_id', 'at', 'actor', 'action', 'data', 'prev_hash', 'hash'],
    order: 'seq',
  },
  { name: 'signed_pdfs', columns: ['signing_id', 'pdf', 'at'], order: 'signing_id' },
];

/** A table's columns as both engines have them (the partnership archive reuses them). */
export function columnsOf(table: string): readonly string[] {
  const found = TABLES.find((t) => t.name === table);
  if (!found) throw new Error(`no table ${table}`);
  return found.columns;
}

const BATCH = 200;

export interface MigrationReport {
  rows: Record<string, number>;
  documents: number;
}

/** Thrown when the target already holds data and `replace` was not asked for. */
export class TargetNotEmptyError extends Error {
  override readonly name = 'TargetNotEmptyError';
}

/**
 * Copies an SQLite installation (`tandem.sqlite`) into PostgreSQL in one transaction, then
 * checks that every table has the same rows and every document loads to the same state from
 * both. Refuses a target that already has data unless `replace` (which empties it first).
 */
export async function migrateStorage(
  sqliteFile: string,
  postgresUrl: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<MigrationReport> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pool = await openPostgres(postgresUrl);
  try {
    await copy(source, pool, replace);
    return await verify(source, pool);
  } finally {
    source.close();
    await pool.end();
  }
}

async function copy(source: Database.Database, pool: pg.Pool, replace: boolean): Promise<void> {
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM doc_heads) AS n`,
    );
    if ((rows[0]?.n ?? 0) > 0) {
      if (!replace) throw new TargetNotEmptyError('The target database already has data.');
      await client.query(
        `TRUNCATE ${[...TABLES.map((t) => t.name), 'doc_heads'].join(', ')} RESTART IDENTITY CASCADE`,
      );
    }
    for (const table of TABLES) {
      const select = source.prepare(
        `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`,
      );
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const width = table.columns.length;
        const values = batch.map(
          (_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`,
        );
        await client.query(
          `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${values.join(', ')}`,
          batch.flat(),
        );
        batch = [];
      };
      for (const row of select.raw().iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
    // Sequence numbers go on from where SQLite left them.
    await client.query(
      `INSERT INTO doc_heads (doc, last_seq)
       SELECT doc, MAX(seq) FROM (
         SELECT doc, seq FROM doc_updates UNION ALL SELECT doc, through_seq FROM doc_snapshots
       ) AS s GROUP BY doc`,
    );
    await client.query(
      `SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), COALESCE(MAX(seq), 0) + 1, false)
       FROM audit_log`,
    );
  });
}

/** The same rows in every table, and the same state for every document. */
async function verify(source: Database.Database, pool: pg.Pool): Promise<MigrationReport> {
  const rows: Record<string, number> = {};
  for (const table of TABLES) {
    const order = table.name === 'versions' ? 'ord' : table.order;
    const from = source
      .prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`)
      .raw()
      .all() as unknown[][];
    const to = await pool.query({
      text: `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${order}`,
      rowMode: 'array',
    });
    if (JSON.stringify(from.map(normalise)) !== JSON.stringify(to.rows.map(normalise))) {
      throw new Error(`table ${table.name} differs after copying`);
    }
    rows[table.name] = from.length;
  }
  const docs = source
    .prepare('SELECT doc FROM doc_updates UNION SELECT doc FROM doc_snapshots')
    .pluck()
    .all() as string[];
  const sqlite = new SqliteDocumentStore(source);
  const postgres = new PgDocumentStore(pool);
  for (const doc of docs) {
    const [a, b] = [await sqlite.load(doc), await postgres.load(doc)].map(stateOf);
    if (!a || !b || !Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))) {
      throw new Error(`document ${doc} differs after copying`);
    }
  }
  return { rows, documents: docs.length };
}

function stateOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Bytes as hex and numbers as numbers, so both engines' rows compare equal. */
function normalise(row: unknown[]): unknown[] {
  return row.map((value) =>
    value instanceof Uint8Array
      ? Buffer.from(value).toString('hex')
      : typeof value === 'bigint'
        ? Number(value)
        : value,
  );
}
