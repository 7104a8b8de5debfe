import { type BenchClient, type Listener, percentile, spreadOver, writeMark } from './clients';
import { rssKiB, socketCeiling } from './processes';
import type { Target } from './targets';

/** One room of the ladder: a stock provider typing, the others only noting arrivals. */
interface HeldRoom {
  sender: BenchClient;
  listeners: Listener[];
}

export interface Held {
  /** The most connections whose fan-out p99 stayed under 100 ms. */
  held: number;
  /** The server's memory (MiB) while it held them. */
  rssMiB: number;
  /** What ended the climb: the server's latency, a refused connection, or the ladder's top. */
  endedBy: 'latency' | 'connecting' | 'top';
  p99: Record<number, number>;
}

/** The ladder: doubling from 1,000 up to what this machine's open-file limit allows. */
export function ladder(first: number, ceiling = socketCeiling()): number[] {
  const steps: number[] = [];
  for (let step = first; step < ceiling; step *= 2) steps.push(step);
  return [...steps, ceiling];
}

async function openRoom(target: Target, index: number, perRoom: number): Promise<HeldRoom> {
  const room = await target.room(index);
  const sender = await target.connect(room);
  const listeners = await Promise.all(
    Array.from({ length: perRoom - 1 }, () => target.listen(room)),
  );
  return { sender, listeners };
}

/**
 * Each room's sender writes every two seconds, spread over the interval; each listener's
 * arrivals from now on are paired with its room's sends. An edit that never arrives counts as
 * infinitely late.
 */
async function lightEditing(rooms: readonly HeldRoom[], seconds: number): Promise<number[]> {
  const now = () => performance.timeOrigin + performance.now();
  const interval = 2_000;
  const plans = rooms.map((room) => ({
    room,
    sentAt: [] as number[],
    from: room.listeners.map((l) => l.arrivals.length),
  }));
  const stop = spreadOver(plans.length, interval, (i) => {
    const plan = plans[i];
    if (!plan) return;
    plan.sentAt.push(now());
    writeMark(plan.room.sender.doc, 0, plan.sentAt.length);
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  stop();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return plans.flatMap(({ room, sentAt, from }) =>
    room.listeners.flatMap((listener, l) => {
      const arrived = listener.arrivals.slice(from[l]);
      return sentAt.map((at, k) => (arrived[k] ?? Number.POSITIVE_INFINITY) - at);
    }),
  );
}

/**
 * Connections held with light editing (rooms of `perRoom`) until fan-out p99 passes 100 ms,
 * a connection is refused, or the ladder reaches this machine's ceiling.
 */
export async function connectionsHeld(
  target: Target,
  plan: { steps: number[]; perRoom: number; seconds: number },
): Promise<Held> {
  const rooms: HeldRoom[] = [];
  const p99: Record<number, number> = {};
  const result: Held = { held: 0, rssMiB: Number.NaN, endedBy: 'top', p99 };
  /** Opens or closes rooms until `count` connections are held, then measures them. */
  const passes = async (count: number): Promise<boolean> => {
    for (const room of rooms.splice(Math.ceil(count / plan.perRoom))) close(room);
    // Five rooms at a time, so thousands of handshakes do not all time out.
    while (rooms.length * plan.perRoom < count) {
      const batch = Math.min(5, Math.ceil(count / plan.perRoom) - rooms.length);
      const base = 1_000 + rooms.length;
      const opened = Array.from({ length: batch }, (_, k) =>
        openRoom(target, base + k, plan.perRoom),
      );
      rooms.push(...(await Promise.all(opened)));
    }
    p99[count] = percentile(await lightEditing(rooms, plan.seconds), 99);
    if (!((p99[count] ?? Infinity) < 100)) return false;
    result.held = count;
    result.rssMiB = rssKiB(target.pids) / 1024;
    return true;
  };
  try {
    let failed: number | null = null;
    for (const step of plan.steps) {
      if (await passes(step)) continue;
      failed = step;
      result.endedBy = 'latency';
      break;
    }
    // Between the last step held and the first one missed, halve the gap twice.
    for (let k = 0; failed !== null && k < 2; k++) {
      const middle = Math.round((result.held + failed) / 2 / plan.perRoom) * plan.perRoom;
      if (middle <= result.held || middle >= failed) break;
      if (!(await passes(middle))) failed = middle;
    }
  } catch (error) {
    console.error(`${target.name}: connecting failed after ${rooms.length} rooms`, error);
    result.endedBy = 'connecting';
  } finally {
    for (const room of rooms) close(room);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return result;
}

function close(room: HeldRoom): void {
  room.sender.destroy();
  for (const listener of room.listeners) listener.close();
}
