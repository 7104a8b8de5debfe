import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const require = createRequire(import.meta.url);

/** The worker: its own connection, checkpointing without blocking the writer (PASSIVE). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.everyMs);
`;

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
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { module: require.resolve('better-sqlite3'), file: db.name, everyMs },
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
