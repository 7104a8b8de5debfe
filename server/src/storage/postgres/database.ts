import pg from 'pg';

/**
 * The PostgreSQL schema, as versioned migrations applied in order at start; the table
 * `schema_migrations` records which ran. Append only: never edit a migration that has shipped.
 * The same tables as SQLite's (storage/sqlite/database.ts), plus `doc_heads`: the last sequence
 * number of each document, so that nodes appending to one document at once get consecutive,
 * distinct numbers from the database.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE doc_heads (
     doc TEXT PRIMARY KEY,
     last_seq BIGINT NOT NULL
   );
   CREATE TABLE doc_updates (
     doc TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     member_id TEXT,
     at BIGINT NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE INDEX doc_updates_by_time ON doc_updates(at);
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     through_seq BIGINT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE TABLE doc_clients (
     doc TEXT NOT NULL,
     client_id BIGINT NOT NULL,
     member_id TEXT NOT NULL,
     PRIMARY KEY (doc, client_id)
   );`,
];

/** Migrations run under this advisory lock: nodes starting together apply each once. */
const MIGRATION_LOCK = 0x74616e64; // "tand"

/** A pool on `url`, its schema brought up to date. */
export async function openPostgres(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection (a restarted PostgreSQL) is dropped, not fatal.
  pool.on('error', () => undefined);
  await migrate(pool);
  return pool;
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
    );
    for (let version = rows[0]?.version ?? 0; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version] ?? '');
      await client.query('INSERT INTO schema_migrations (version, at) VALUES ($1, $2)', [
        version + 1,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction on one client of the pool. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
