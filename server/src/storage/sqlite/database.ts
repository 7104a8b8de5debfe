import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE doc_updates (
     doc TEXT NOT NULL,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     member_id TEXT,
     at INTEGER NOT NULL,
     PRIMARY KEY (doc, seq)
   ) WITHOUT ROWID;
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     at INTEGER NOT NULL
   );`,
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     name TEXT NOT NULL,
     language TEXT NOT NULL,
     time_zone TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_by_account ON sessions(account_id);
   CREATE TABLE partnerships (
     id TEXT PRIMARY KEY,
     created_by TEXT NOT NULL REFERENCES accounts(id),
     created_at INTEGER NOT NULL
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
     joined_at INTEGER NOT NULL,
     removed_at INTEGER,
     UNIQUE (partnership_id, account_id)
   );
   CREATE TABLE invites (
     token_hash TEXT PRIMARY KEY,
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     side TEXT NOT NULL CHECK (side IN ('A', 'B')),
     role TEXT NOT NULL,
     max_uses INTEGER NOT NULL,
     uses INTEGER NOT NULL DEFAULT 0,
     expires_at INTEGER NOT NULL,
     created_by TEXT NOT NULL REFERENCES members(id),
     created_at INTEGER NOT NULL
   );
   CREATE TABLE doc_clients (
     doc TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     member_id TEXT NOT NULL,
     PRIMARY KEY (doc, client_id)
   ) WITHOUT ROWID;`,
  `CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'before-restore')),
     name TEXT,
     created_by TEXT REFERENCES members(id),
     created_at INTEGER NOT NULL,
     state BLOB NOT NULL,
     state_hash TEXT NOT NULL
   );
   CREATE INDEX versions_by_doc ON versions(doc, created_at);`,
  `CREATE TABLE thread_reads (
     member_id TEXT NOT NULL REFERENCES members(id),
     doc TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     read_at INTEGER NOT NULL,
     PRIMARY KEY (member_id, doc, thread_id)
   ) WITHOUT ROWID;
   CREATE TABLE notifications (
     member_id TEXT NOT NULL REFERENCES members(id),
     comment_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('mention', 'digest')),
     sent_at INTEGER NOT NULL,
     PRIMARY KEY (member_id, comment_id, kind)
   ) WITHOUT ROWID;
   CREATE TABLE digests (
     member_id TEXT NOT NULL REFERENCES members(id),
     local_date TEXT NOT NULL,
     sent_at INTEGER NOT NULL,
     PRIMARY KEY (member_id, local_date)
   ) WITHOUT ROWID;`,
  `CREATE TABLE signings (
     id TEXT PRIMARY KEY,
     partnership_id TEXT NOT NULL REFERENCES partnerships(id),
     phase TEXT NOT NULL CHECK (phase IN ('signing', 'signed', 'cancelled', 'amended')),
     version_id TEXT NOT NULL,
     hash TEXT NOT NULL,
     canonical TEXT NOT NULL,
     started_by TEXT NOT NULL REFERENCES members(id),
     started_at INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE INDEX signings_by_partnership ON signings(partnership_id, started_at);
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
     at INTEGER NOT NULL,
     PRIMARY KEY (signing_id, side)
   ) WITHOUT ROWID;
   CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     partnership_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     actor TEXT,
     action TEXT NOT NULL,
     data TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );`,
  `CREATE TABLE signed_pdfs (
     signing_id TEXT PRIMARY KEY REFERENCES signings(id),
     pdf BLOB NOT NULL,
     at INTEGER NOT NULL
   );`,
  // Invitations get an id to list and revoke them by (the token is only stored hashed).
  `ALTER TABLE invites ADD COLUMN id TEXT;
   UPDATE invites SET id = lower(hex(randomblob(12)));
   CREATE UNIQUE INDEX invites_by_id ON invites(id);
   ALTER TABLE invites ADD COLUMN revoked_at INTEGER;`,
  // At most one current signing per partnership, kept by the database (any extra one left by a
  // race before this rule is cancelled, the newest stays).
  `UPDATE signings SET phase = 'cancelled', ended_at = started_at
     WHERE phase IN ('signing', 'signed') AND id NOT IN (
       SELECT id FROM signings s WHERE s.phase IN ('signing', 'signed') AND s.started_at = (
         SELECT MAX(started_at) FROM signings t
         WHERE t.partnership_id = s.partnership_id AND t.phase IN ('signing', 'signed')));
   CREATE UNIQUE INDEX one_current_signing ON signings(partnership_id)
     WHERE phase IN ('signing', 'signed');`,
  // Password-reset links, kept only as hashes, each usable once until it expires.
  `CREATE TABLE password_resets (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   ) WITHOUT ROWID;
   CREATE INDEX password_resets_by_account ON password_resets(account_id);
   ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
   ALTER TABLE invites ADD COLUMN email TEXT;`,
  // Confirmed addresses: accounts from before this migration keep receiving mail (treated as
  // confirmed); new ones confirm through a link. The same links confirm a changed address.
  // A deleted account keeps its row (members, signatures and the audit log refer to it) with
  // its address, name and password gone.
  `ALTER TABLE accounts ADD COLUMN email_confirmed_at INTEGER;
   UPDATE accounts SET email_confirmed_at = created_at;
   ALTER TABLE accounts ADD COLUMN deleted_at INTEGER;
   CREATE TABLE email_confirmations (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   ) WITHOUT ROWID;
   CREATE INDEX email_confirmations_by_account ON email_confirmations(account_id);`,
];

/** How many migrations this code knows: a database past it was written by a newer Tandem. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The installation's SQLite file in its data folder. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'tandem.sqlite');
}

/** Opens (creating if needed) the SQLite database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): Database.Database {
  // The database holds password and session hashes and signers' addresses: only the server's
  // own user may read it. SQLite gives its -wal and -shm files the database file's mode.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const file = databaseFile(dataDir);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL survives a killed process (the WAL is written before commit returns);
  // only a power cut can lose the last transactions. FULL would fsync on every keystroke.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const apply = db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  apply();
}
