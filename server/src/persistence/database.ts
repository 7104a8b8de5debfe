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
];

/** Opens (creating if needed) the SQLite database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'tandem.sqlite'));
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
