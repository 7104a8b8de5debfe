import type * as Y from 'yjs';
import { type BenchClient, closeAll, fanOut, percentile, writeMark } from './clients';
import { rssKiB } from './processes';
import type { Target } from './targets';

export interface Latency {
  p50: number;
  p99: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function latency(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** `count` of something made 50 at a time, so thousands of handshakes do not all time out. */
async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) => make(i + k));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

function connectMany(target: Target, rooms: number[]): Promise<BenchClient[]> {
  return inBatches(rooms.length, async (i) => target.connect(await target.room(rooms[i] ?? 0)));
}

/** Where a fan-out happens and what the sender's edit is (by default a mark in a small room). */
export interface FanOutPlace {
  room: string;
  edit: (doc: Y.Doc, n: number) => void;
}

/**
 * One person typing 10 edits a second and `clients - 1` others in the room: the time from each
 * edit until each receiver's socket has it. The receivers only note arrivals (see Listener).
 */
export async function fanOutLatency(
  target: Target,
  clients: number,
  seconds: number,
  place?: FanOutPlace,
) {
  const room = place?.room ?? (await target.room(0));
  const edit = place?.edit ?? ((doc: Y.Doc, n: number) => writeMark(doc, 0, n));
  const sender = await target.connect(room);
  const listeners = await inBatches(clients - 1, () => target.listen(room));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const sentAt: number[] = [];
  const timer = setInterval(() => {
    sentAt.push(performance.timeOrigin + performance.now());
    edit(sender.doc, sentAt.length);
  }, 100);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const samples = listeners.flatMap((listener) => {
    // One frame per edit; anything else would pair arrivals with the wrong edits.
    if (listener.arrivals.length !== sentAt.length) {
      throw new Error(
        `${target.name}: ${listener.arrivals.length} of ${sentAt.length} edits arrived`,
      );
    }
    return listener.arrivals.map((at, k) => at - (sentAt[k] ?? Number.NaN));
  });
  for (const listener of listeners) listener.close();
  await closeAll([sender]);
  return latency(samples);
}

/** Every client of one room typing 5 edits a second. */
export async function typingStorm(target: Target, clients: number, seconds: number) {
  const all = await connectMany(target, Array<number>(clients).fill(1));
  const samples = await fanOut(all, all, { editsPerSecond: 5, seconds });
  await closeAll(all);
  return latency(samples);
}

/** Server RSS growth per small document, with `docs` documents open (one client each). */
export async function memoryPerDocKiB(target: Target, docs: number): Promise<number> {
  const rooms = Array.from({ length: docs }, (_, i) => 1_000 + i);
  for (const r of rooms) await target.room(r);
  const before = rssKiB(target.pids);
  const clients = await connectMany(target, rooms);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perDoc = (rssKiB(target.pids) - before) / docs;
  await closeAll(clients);
  return perDoc;
}
