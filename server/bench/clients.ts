import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A bench client: a stock provider with its own doc, optionally sending a session cookie. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function socketWith(cookie: string | null): typeof globalThis.WebSocket {
  class BenchSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return BenchSocket as unknown as typeof globalThis.WebSocket;
}

export async function connect(
  serverUrl: string,
  room: string,
  cookie: string | null,
): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: socketWith(cookie),
    disableBc: true,
  });
  const deadline = Date.now() + 30_000;
  while (!provider.synced) {
    if (Date.now() > deadline) throw new Error(`client for ${room} did not sync`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { doc, provider };
}

/** Percentile of sorted-or-not samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/**
 * Fan-out latency: edits stamped with their send time (performance.timeOrigin-based, one
 * process), measured when each other client sees them. Returns every sample in ms.
 */
export async function fanOut(
  clients: BenchClient[],
  plan: { senders: number; editsPerSecond: number; seconds: number },
): Promise<number[]> {
  const samples: number[] = [];
  const now = () => performance.timeOrigin + performance.now();
  for (const client of clients) {
    const marks = client.doc.getMap<number>('bench');
    marks.observe((event) => {
      if (event.transaction.local) return;
      for (const key of event.keysChanged as Set<string>) {
        const sentAt = marks.get(key);
        if (typeof sentAt === 'number') samples.push(now() - sentAt);
      }
    });
  }
  const senders = clients.slice(0, plan.senders);
  const interval = 1000 / plan.editsPerSecond;
  const end = Date.now() + plan.seconds * 1000;
  let n = 0;
  const timers = senders.map((sender, i) =>
    setInterval(() => {
      if (Date.now() > end) return;
      sender.doc.getMap<number>('bench').set(`${i}:${n++}`, now());
    }, interval),
  );
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000 + 1500));
  for (const timer of timers) clearInterval(timer);
  return samples;
}
