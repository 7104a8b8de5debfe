import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { connectClient, synced, tempDataDir } from '../helpers';
import { createPartnership, type Person } from '../people';
import { kill9, startProcess } from '../processes';

/**
 * `npm run soak`: 200 clients typing for 10 minutes (SOAK_MINUTES, SOAK_CLIENTS) into 20
 * partnerships' agreements, over loopback, with random disconnects and two SIGKILL restarts.
 * An edit counts as acknowledged once another client received it (the server sends an update
 * on only after storing it). Every client starts from a fresh copy on each connection, so no
 * client can re-send what the server lost. Reports acknowledged edits lost (must be 0) and the
 * server's memory over time; at the end it must hold at most 50 MiB more than a fresh server
 * with the same documents loaded (the documents grow all along: flat but for them). Exits
 * non-zero otherwise.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 200);
const ROOMS = 20;
const DURATION_MS = MINUTES * 60_000;
const MiB = 1024 * 1024;
// Every y-websocket provider listens for the process's exit.
process.setMaxListeners(CLIENTS + ROOMS + 10);

const textOf = (node: unknown): string =>
  node instanceof Y.XmlElement ? node.toArray().map(String).join('') : '';
const paragraphsOf = (doc: Y.Doc): string[] =>
  getClauseText(doc, 'purpose', 'en').toArray().map(textOf);

/** The server's resident memory, or null while it is being restarted. */
function rssOf(child: ChildProcess): number | null {
  try {
    const status = fs.readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return null;
  }
}

const dataDir = tempDataDir();
const env = {
  SIGNUPS_PER_ADDRESS_PER_HOUR: '1000',
  MAX_CONNECTIONS_PER_MEMBER_ROOM: '40',
  MAX_CONNECTIONS_PER_MEMBER: '200',
};
let { child, port } = await startProcess(dataDir, 0, env);
const base = `http://127.0.0.1:${port}`;
const rooms: { room: string; person: Person }[] = [];
for (let i = 0; i < ROOMS; i++) {
  const { id, coordinatorA } = await createPartnership(base);
  rooms.push({ room: `${id}/agreement`, person: coordinatorA });
}

/** Marks each room's watchers have seen: acknowledged by the server. */
const acknowledged = rooms.map(() => new Set<string>());
let sent = 0;
let isRunning = true;
let isRestarting = false;

/** Every typist's open provider: all are dropped before a kill, so none re-sends its copy. */
const active = new Set<WebsocketProvider>();

/** A watcher per room, with a fresh copy on every connection. */
const watchers: (WebsocketProvider | null)[] = rooms.map(() => null);
function watch(index: number): void {
  const { room, person } = rooms[index] ?? { room: '', person: { cookie: '' } };
  const provider = connectClient(port, room, person);
  // Only the paragraphs each change adds are read: re-reading a growing document on every
  // update made the driver itself run out of memory.
  getClauseText(provider.doc, 'purpose', 'en').observe((event) => {
    for (const item of event.changes.added) {
      for (const node of item.content.getContent()) {
        const text = textOf(node);
        if (text.startsWith('m-')) acknowledged[index]?.add(text);
      }
    }
  });
  watchers[index] = provider;
}

function dropProvider(provider: WebsocketProvider | null): void {
  provider?.destroy();
  provider?.doc.destroy();
}

/** One typist: connects with a fresh copy, types a mark every 1–3 s, now and then drops. */
async function typist(n: number): Promise<void> {
  const index = n % ROOMS;
  let edit = 0;
  while (isRunning) {
    if (isRestarting) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const { room, person } = rooms[index] ?? { room: '', person: { cookie: '' } };
    const provider = connectClient(port, room, person);
    active.add(provider);
    try {
      await synced(provider);
      const stayMs = 5_000 + Math.random() * 55_000;
      const until = Date.now() + stayMs;
      while (isRunning && active.has(provider) && Date.now() < until) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`m-${n}-${edit++}`)]);
        const fragment = getClauseText(provider.doc, 'purpose', 'en');
        fragment.insert(fragment.length, [paragraph]);
        sent++;
        await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 2_000));
      }
    } catch {
      // Did not sync in time (the server was restarting): try again.
    } finally {
      active.delete(provider);
      dropProvider(provider);
    }
  }
}

rooms.forEach((_, i) => watch(i));
const memory: { minute: number; rss: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => {
  const rss = isRestarting ? null : rssOf(child);
  if (rss !== null) memory.push({ minute: (Date.now() - started) / 60_000, rss });
}, 10_000);

async function restart(): Promise<void> {
  isRestarting = true;
  for (const w of watchers) dropProvider(w);
  for (const provider of active) dropProvider(provider);
  await kill9(child);
  ({ child, port } = await startProcess(dataDir, port, env));
  rooms.forEach((_, i) => watch(i));
  isRestarting = false;
  console.log(`restarted after SIGKILL at minute ${((Date.now() - started) / 60_000).toFixed(1)}`);
}

const typing = Array.from({ length: CLIENTS }, (_, n) => typist(n));
const restarts = [DURATION_MS / 3, (2 * DURATION_MS) / 3].map(
  (at) => new Promise<void>((resolve) => setTimeout(() => void restart().then(resolve), at)),
);
await new Promise((resolve) => setTimeout(resolve, DURATION_MS));
isRunning = false;
await Promise.all([...typing, ...restarts]);
clearInterval(sampler);
for (const w of watchers) dropProvider(w);

// The final check: a fresh client per room after one more restart, nothing held by any client.
await kill9(child);
({ child, port } = await startProcess(dataDir, port, env));
let lost = 0;
let total = 0;
const readers: WebsocketProvider[] = [];
for (const [i, { room, person }] of rooms.entries()) {
  const reader = connectClient(port, room, person);
  readers.push(reader);
  await synced(reader);
  const stored = new Set(paragraphsOf(reader.doc));
  for (const mark of acknowledged[i] ?? []) {
    total++;
    if (!stored.has(mark)) lost++;
  }
}
// What the documents themselves take: a fresh server with every room loaded.
await new Promise((resolve) => setTimeout(resolve, 3_000));
const fresh = rssOf(child) ?? 0;
for (const reader of readers) dropProvider(reader);
child.kill('SIGTERM');

// The documents grow all along (a paragraph per edit), so the server's memory may grow with
// them; what it holds beyond a fresh server with the same documents is what it leaked.
const end = memory.slice(-3);
const mean = (xs: { rss: number }[]) => xs.reduce((s, x) => s + x.rss, 0) / Math.max(1, xs.length);
const leaked = mean(end) - fresh;
console.log(`edits sent ${sent}, acknowledged ${total}, acknowledged and lost ${lost}`);
console.log(
  `server memory (MiB) by minute: ${memory.map((m) => `${m.minute.toFixed(1)}:${(m.rss / MiB).toFixed(0)}`).join(' ')}`,
);
console.log(
  `at the end ${(mean(end) / MiB).toFixed(0)} MiB; a fresh server with the same documents ` +
    `${(fresh / MiB).toFixed(0)} MiB: ${(leaked / MiB).toFixed(1)} MiB not explained by the documents`,
);
const failures = [
  ...(lost > 0 ? [`${lost} acknowledged edits lost`] : []),
  ...(total === 0 ? ['no edit was acknowledged'] : []),
  ...(leaked > 50 * MiB ? [`${(leaked / MiB).toFixed(1)} MiB more than the documents need`] : []),
];
if (failures.length > 0) {
  console.error(`SOAK FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('soak passed');
process.exit(0);
