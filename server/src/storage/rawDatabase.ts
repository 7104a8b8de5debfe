import type Database from 'better-sqlite3';
import type pg from 'pg';
import { inTransaction } from './postgres/database';

/** One statement with `?` placeholders, in SQL both engines speak. */
export interface Query {
  sql: string;
  params: readonly unknown[];
}

/**
 * Plain SQL on whichever engine holds the installation, for work that moves whole rows (the
 * partnership archive). Rows come back as arrays in the order of the selected columns.
 */
export interface RawDatabase {
  /** Runs every query on one consistent view of the database (one read transaction). */
  readAll(queries: readonly Query[]): Promise<unknown[][][]>;
  /**
   * Runs `work` in one transaction: everything it writes, or nothing. On SQLite the
   * transaction spans the connection: only for a connection nobody else uses (a command).
   */
  transaction<T>(work: (tx: RawTransaction) => Promise<T>): Promise<T>;
}

export interface RawTransaction {
  all(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
}

export function sqliteRaw(db: Database.Database): RawDatabase {
  const all = (sql: string, params: readonly unknown[] = []) => {
    const statement = db.prepare(sql);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.raw().all(...params) as unknown[][];
  };
  return {
    // Synchronous inside one transaction: no other statement of the server runs in between.
    readAll: (queries) =>
      Promise.resolve(db.transaction(() => queries.map((q) => all(q.sql, q.params)))()),
    async transaction(work) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({ all: (sql, params) => Promise.resolve(all(sql, params)) });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2…`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function postgresRaw(pool: pg.Pool): RawDatabase {
  const allOn = async (on: pg.PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await on.query({ text: numbered(sql), values: [...params], rowMode: 'array' }))
      .rows as unknown[][];
  return {
    readAll: (queries) =>
      inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const results: unknown[][][] = [];
        for (const q of queries) results.push(await allOn(client, q.sql, q.params));
        return results;
      }),
    transaction: (work) =>
      inTransaction(pool, (client) => work({ all: (sql, params) => allOn(client, sql, params) })),
  };
}
