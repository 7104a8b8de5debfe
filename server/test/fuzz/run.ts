import fs from 'node:fs';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import path from 'node:path';
import { openDatabase } from '../../src/storage/sqlite/database';
import { SqliteDocumentStore } from '../../src/storage/sqlite/SqliteDocumentStore';
import { tempDataDir } from '../helpers';
import { join, twoSchools } from '../people';
import { exited, startProcess } from '../processes';
import { emptyReport, everyDocumentLoads, fuzzBodies, fuzzPresence, fuzzUpdates } from './harness';

/**
 * `npm run fuzz`: the long run against the real server in its own process. 100,000 sync
 * updates over every document, 10,000 presence frames, 10,000 bodies per route; then the
 * server must answer, its memory must be within 100 MiB of where it started, and every stored
 * document must load. Exits non-zero when any of that fails.
 */
const UPDATES = Number(process.env.FUZZ_UPDATES ?? 100_000);
const PRESENCE = Number(process.env.FUZZ_PRESENCE ?? 10_000);
const BODIES = Number(process.env.FUZZ_BODIES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const MiB = 1024 * 1024;
const dataDir = tempDataDir();
// Every person signs up from this one address.
const { child, port } = await startProcess(dataDir, 0, { SIGNUPS_PER_ADDRESS_PER_HOUR: '1000' });
const base = `http://127.0.0.1:${port}`;
const failures: string[] = [];
try {
  const { id, coordinatorA, coordinatorB } = await twoSchools(base);
  const host = await join(base, coordinatorB, id, 'B', 'host-parent');
  const target = { port, base, id, people: [coordinatorA, coordinatorB, host] };
  await everyDocumentLoads(target);
  // Measured once the server has loaded its worker threads (a few seconds after start).
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const startRss = rssOf(child.pid ?? 0);
  const report = emptyReport();
  console.log(
    `fuzzing with seed ${SEED}: ${UPDATES} updates, ${PRESENCE} presence frames, ${BODIES} bodies per route`,
  );
  await fuzzUpdates(target, UPDATES, SEED, report);
  console.log(`updates done; closes by code: ${JSON.stringify([...report.closes])}`);
  await fuzzPresence(target, PRESENCE, SEED + 1, report);
  console.log('presence done');
  await fuzzBodies(target, BODIES, SEED + 2, report);
  console.log(`bodies done; statuses: ${JSON.stringify([...report.statuses])}`);
  if (report.serverErrors.length > 0)
    failures.push(`5xx answers: ${report.serverErrors.slice(0, 10).join('; ')}`);
  const health = await fetch(`${base}/api/health`);
  if (health.status !== 200) failures.push(`health answered ${health.status}`);
  await everyDocumentLoads(target);
  const grown = rssOf(child.pid ?? 0) - startRss;
  console.log(`server memory grew by ${(grown / MiB).toFixed(1)} MiB`);
  if (grown > 100 * MiB) failures.push(`memory grew by ${(grown / MiB).toFixed(1)} MiB`);
} finally {
  child.kill('SIGTERM');
  await exited(child);
}

// What is stored loads on its own, as after a restart.
const file = path.join(dataDir, 'tandem.sqlite');
const names = new Database(file, { readonly: true })
  .prepare('SELECT doc FROM doc_updates UNION SELECT doc FROM doc_snapshots')
  .all() as { doc: string }[];
const store = new SqliteDocumentStore(openDatabase(dataDir));
for (const { doc: name } of names) {
  try {
    const stored = await store.load(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  } catch (error) {
    failures.push(`${name} does not load: ${String(error)}`);
  }
}
console.log(`${names.length} stored documents load`);
if (failures.length > 0) {
  console.error(`FUZZ FAILED (seed ${SEED}):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('fuzz passed');
