import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDataDir } from '../../../test/helpers';
import { checkpointInWorker } from './checkpoints';
import { openDatabase } from './database';

/** Writes in six bursts with pauses between; returns the largest the WAL file grew. */
async function largestWal(checkpoints: boolean): Promise<number> {
  const dir = tempDataDir();
  const db = openDatabase(dir);
  const stop = checkpoints
    ? checkpointInWorker(db, 20, () => undefined)
    : (db.pragma('wal_autocheckpoint = 0'), () => Promise.resolve());
  const insert = db.prepare<[string, number, Buffer]>(
    'INSERT INTO doc_updates (doc, seq, data, member_id, at) VALUES (?, ?, ?, NULL, 0)',
  );
  let seq = 0;
  let largest = 0;
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 200; i++) insert.run('d', ++seq, Buffer.alloc(1_000, seq));
    largest = Math.max(largest, fs.statSync(path.join(dir, 'tandem.sqlite-wal')).size);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stop();
  expect((db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n).toBe(
    1_200,
  );
  db.close();
  return largest;
}

it('keeps the write-ahead log small by checkpointing it from a worker thread', async () => {
  expect(await largestWal(true)).toBeLessThan((await largestWal(false)) / 3);
});

it('cuts the write-ahead log back after a burst larger than its size limit', async () => {
  const dir = tempDataDir();
  const db = openDatabase(dir);
  const stop = checkpointInWorker(db, 20, () => undefined);
  const insert = db.prepare<[string, number, Buffer]>(
    'INSERT INTO doc_updates (doc, seq, data, member_id, at) VALUES (?, ?, ?, NULL, 0)',
  );
  const burst = db.transaction(() => {
    for (let seq = 1; seq <= 300; seq++) insert.run('d', seq, Buffer.alloc(100_000, seq));
  });
  burst();
  const wal = path.join(dir, 'tandem.sqlite-wal');
  expect(fs.statSync(wal).size).toBeGreaterThan(24 * 1024 * 1024);
  // After a checkpoint, the next write starts the WAL over and cuts the file to the limit.
  await new Promise((resolve) => setTimeout(resolve, 300));
  insert.run('d', 301, Buffer.alloc(10, 1));
  expect(fs.statSync(wal).size).toBeLessThanOrEqual(16 * 1024 * 1024);
  await stop();
  db.close();
});
