import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * The worker: its own connection, checkpointing without blocking the writer (PASSIVE). Should
 * the WAL still have grown past TRUNCATE_AT (readers kept it from being reset), a TRUNCATE
 * checkpoint brings the file back to zero; it waits for the writer, briefly, at that rare size.
 */
const SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const wal = workerData.file + '-wal';
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    if (fs.existsSync(wal) && fs.statSync(wal).size > workerData.truncateAt) {
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.everyMs);
`;

/** The WAL file is cut back to this when it is reset after a checkpoint. */
const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;
/** A WAL larger than this is truncated by a checkpoint that waits for the writer. */
const TRUNCATE_AT = 64 * 1024 * 1024;

/**
 * Moves WAL checkpoints off the event loop. With SQLite's automatic checkpoints, every few
 * hundred commits one commit also copies the WAL into the database and syncs it, stalling a
 * broadcast for milliseconds; here a worker thread does that on a timer. Should the worker
 * die, the automatic checkpoints come back. Returns a function that stops the worker.
 */
export function checkpointInWorker(
  db: Database.Database,
  everyMs: number,
  log: (message: string, error?: unknown) => void,
): () => Promise<void> {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      module: require.resolve('better-sqlite3'),
      file: db.name,
      everyMs,
      truncateAt: TRUNCATE_AT,
    },
  });
  let isStopping = false;
  worker.on('message', (message: string) => log(`WAL checkpoint failed: ${message}`));
  worker.on('error', (error) => log('WAL checkpoint worker failed', error));
  worker.on('exit', () => {
    if (!isStopping && db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  return async () => {
    isStopping = true;
    await worker.terminate();
  };
}
