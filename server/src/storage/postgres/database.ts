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
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     name TEXT NOT NULL,
     language TEXT NOT NULL,
     time_zone TEXT,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX sessions_by_account ON sessions(account_id);
   CREATE TABLE partnerships (
     id TEXT PRIMARY KEY,
     created_by TEXT NOT NULL REFERENCES accounts(id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE sides (
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     side TEXT NOT NULL CHECK (side IN ('A', 'B')),
     school TEXT NOT NULL,
     PRIMARY KEY (partnership_id, side)
   );
   CREATE TABLE members (
     id TEXT PRIMARY KEY,
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     account_id TEXT NOT NULL REFERENCES accounts(id),
     side TEXT NOT NULL CHECK (side IN ('A', 'B')),
     role TEXT NOT NULL,
     joined_at BIGINT NOT NULL,
     removed_at BIGINT,
     UNIQUE (partnership_id, account_id)
   );
   CREATE TABLE invites (
     id TEXT NOT NULL UNIQUE,
     token_hash TEXT PRIMARY KEY,
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     side TEXT NOT NULL CHECK (side IN ('A', 'B')),
     role TEXT NOT NULL,
     max_uses INTEGER NOT NULL,
     uses INTEGER NOT NULL DEFAULT 0,
     expires_at BIGINT NOT NULL,
     created_by TEXT NOT NULL REFERENCES members(id),
     created_at BIGINT NOT NULL,
     revoked_at BIGINT
   );
   CREATE TABLE versions (
     ord BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     doc TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'before-restore')),
     name TEXT,
     created_by TEXT REFERENCES members(id),
     created_at BIGINT NOT NULL,
     state BYTEA NOT NULL,
     state_hash TEXT NOT NULL
   );
   CREATE INDEX versions_by_doc ON versions(doc, created_at);
   CREATE TABLE thread_reads (
     member_id TEXT NOT NULL REFERENCES members(id),
     doc TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     read_at BIGINT NOT NULL,
     PRIMARY KEY (member_id, doc, thread_id)
   );
   CREATE TABLE notifications (
     member_id TEXT NOT NULL REFERENCES members(id),
     comment_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('mention', 'digest')),
     sent_at BIGINT NOT NULL,
     PRIMARY KEY (member_id, comment_id, kind)
   );
   CREATE TABLE digests (
     member_id TEXT NOT NULL REFERENCES members(id),
     local_date TEXT NOT NULL,
     sent_at BIGINT NOT NULL,
     PRIMARY KEY (member_id, local_date)
   );
   CREATE TABLE signings (
     id TEXT PRIMARY KEY,
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     phase TEXT NOT NULL CHECK (phase IN ('signing', 'signed', 'cancelled', 'amended')),
     version_id TEXT NOT NULL,
     hash TEXT NOT NULL,
     canonical TEXT NOT NULL,
     started_by TEXT NOT NULL REFERENCES members(id),
     started_at BIGINT NOT NULL,
     ended_at BIGINT
   );
   CREATE INDEX signings_by_partnership ON signings(partnership_id, started_at);
   CREATE UNIQUE INDEX one_current_signing ON signings(partnership_id)
     WHERE phase IN ('signing', 'signed');
   CREATE TABLE signatures (
     signing_id TEXT NOT NULL REFERENCES signings(id),
     side TEXT NOT NULL CHECK (side IN ('A', 'B')),
     member_id TEXT NOT NULL REFERENCES members(id),
     name TEXT NOT NULL,
     title TEXT NOT NULL,
     image TEXT,
     typed TEXT,
     consent TEXT NOT NULL,
     hash TEXT NOT NULL,
     ip TEXT NOT NULL,
     user_agent TEXT NOT NULL,
     at BIGINT NOT NULL,
     PRIMARY KEY (signing_id, side)
   );
   CREATE TABLE audit_log (
     seq BIGSERIAL PRIMARY KEY,
     partnership_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     actor TEXT,
     action TEXT NOT NULL,
     data TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE TABLE signed_pdfs (
     signing_id TEXT PRIMARY KEY REFERENCES signings(id),
     pdf BYTEA NOT NULL,
     at BIGINT NOT NULL
   );`,
  // Password-reset links, kept only as hashes, each usable once until it expires.
  `CREATE TABLE password_resets (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT
   );
   CREATE INDEX password_resets_by_account ON password_resets(account_id);
   ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
   ALTER TABLE invites ADD COLUMN email TEXT;`,
  // Confirmed addresses: accounts from before this migration keep receiving mail (treated as
  // confirmed); new ones confirm through a link. The same links confirm a changed address.
  // A deleted account keeps its row (members, signatures and the audit log refer to it) with
  // its address, name and password gone.
  `ALTER TABLE accounts ADD COLUMN email_confirmed_at BIGINT;
   UPDATE accounts SET email_confirmed_at = created_at;
   ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;
   CREATE TABLE email_confirmations (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     email TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT
   );
   CREATE INDEX email_confirmations_by_account ON email_confirmations(account_id);`,
];

// Every BIGINT here is a count or milliseconds since the epoch: far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

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
  const client = await checkOut(pool);
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
    client.done();
  }
}

/**
 * A client of the pool for several statements. A connection that drops while it is checked
 * out (PostgreSQL restarting) emits 'error' on the client: without a listener that would end
 * the process. The pending query rejects, and the pool drops the broken client on release.
 */
async function checkOut(pool: pg.Pool): Promise<pg.PoolClient & { done: () => void }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  return Object.assign(client, {
    done: () => {
      client.off('error', onError);
      // A broken client is destroyed, not handed to the next caller.
      client.release(broken);
    },
  });
}

/** Runs `work` in one transaction on one client of the pool. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await checkOut(pool);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.done();
  }
}
