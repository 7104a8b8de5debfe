import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile, SCHEMA_VERSION } from './database';
import { runningServerIn } from './dataDirLock';

/**
 * Backups of the embedded installation: one file holding the SQLite database and the seal
 * (without which signed PDFs made here could no longer be verified after a restore).
 */

/** The data folder's files a backup carries beside the database (pdf/seal.ts). */
const SEAL_FILES = ['seal.p12', 'seal.secret'] as const;

/** Only in backup files, never in a live database: the seal files, restored beside it. */
const SEAL_TABLE = 'backup_seal_files';

/** A backup or a restore that cannot go ahead; nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupReport {
  bytes: number;
  pages: number;
  sealFiles: number;
}

/**
 * Copies the live database through SQLite's online backup API while the server keeps
 * writing: the copy is one consistent moment (every transaction committed before it is in
 * it, none after). Writes `<target>.partial` and renames it, so a failed backup leaves no
 * file that looks whole.
 */
export async function backupDatabase(dataDir: string, target: string): Promise<BackupReport> {
  const source = databaseFile(dataDir);
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists; choose a new file name.`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All remaining pages in one step: a step is atomic, so writers cannot restart the copy.
    const { totalPages } = await db.backup(partial, {
      progress: ({ remainingPages }) => Math.max(remainingPages, 1),
    });
    const sealFiles = addSealFiles(partial, dataDir);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    return { bytes: fs.statSync(target).size, pages: totalPages, sealFiles };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

function addSealFiles(backupFile: string, dataDir: string): number {
  const copy = new Database(backupFile);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.exec(`CREATE TABLE ${SEAL_TABLE} (name TEXT PRIMARY KEY, data BLOB NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO ${SEAL_TABLE} (name, data) VALUES (?, ?)`);
    let count = 0;
    for (const name of SEAL_FILES) {
      const file = path.join(dataDir, name);
      if (!fs.existsSync(file)) continue;
      insert.run(name, fs.readFileSync(file));
      count++;
    }
    checkIntegrity(copy, backupFile);
    return count;
  } finally {
    copy.close();
  }
}

function checkIntegrity(db: Database.Database, file: string): void {
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') throw new BackupError(`${file} is damaged: ${String(result)}`);
}

export interface RestoreReport {
  /** Where the database that was replaced now lies, or null when there was none. */
  previous: string | null;
  sealFiles: number;
}

/**
 * Puts a backup in place of the data folder's database. Refuses while a server has the
 * folder open, and refuses a file that is not a whole Tandem backup or that a newer Tandem
 * wrote. The replaced database (with its WAL) and seal are kept beside it, renamed.
 */
export function restoreDatabase(dataDir: string, backupFile: string): RestoreReport {
  const running = runningServerIn(dataDir);
  if (running !== null) {
    throw new BackupError(
      `A Tandem server (process ${running}) is using ${dataDir}; stop it first.`,
    );
  }
  const sealFiles = readBackup(backupFile);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const live = databaseFile(dataDir);
  const staged = `${live}.restoring`;
  fs.copyFileSync(backupFile, staged);
  const stagedDb = new Database(staged);
  stagedDb.exec(`DROP TABLE ${SEAL_TABLE}`);
  stagedDb.close();
  fs.chmodSync(staged, 0o600);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const previous = fs.existsSync(live) ? `${live}.before-restore-${stamp}` : null;
  for (const suffix of ['', '-wal', '-shm']) {
    if (previous && fs.existsSync(live + suffix)) fs.renameSync(live + suffix, previous + suffix);
  }
  for (const { name, data } of sealFiles) {
    const file = path.join(dataDir, name);
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.before-restore-${stamp}`);
    fs.writeFileSync(file, data, { mode: 0o600 });
  }
  fs.renameSync(staged, live);
  return { previous, sealFiles: sealFiles.length };
}

/** Checks a backup file and returns the seal files it carries. */
function readBackup(file: string): { name: string; data: Buffer }[] {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file at ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${file} is not an SQLite database.`);
  }
  try {
    let version: number;
    let hasSeal: boolean;
    try {
      checkIntegrity(db, file);
      version = Number(db.pragma('user_version', { simple: true }));
      hasSeal =
        db
          .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
          .get(SEAL_TABLE) !== undefined;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`${file} is not an SQLite database.`);
    }
    if (!hasSeal || version === 0) {
      throw new BackupError(`${file} was not made by npm run backup.`);
    }
    if (version > SCHEMA_VERSION) {
      throw new BackupError(`${file} was made by a newer Tandem; update Tandem, then restore.`);
    }
    // Only the seal's own names: a crafted backup cannot write elsewhere in the folder.
    return db
      .prepare(
        `SELECT name, data FROM ${SEAL_TABLE} WHERE name IN (${SEAL_FILES.map(() => '?').join(', ')})`,
      )
      .all(...SEAL_FILES) as {
      name: string;
      data: Buffer;
    }[];
  } finally {
    db.close();
  }
}
