import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A bench client: a stock provider with its own doc. */
export interface BenchClient {
  doc: Y.Doc;
  destroy(): void;
}

/** Resolves on the provider's own sync event (no polling delay in the figures). */
function untilSynced(
  subscribe: (listener: () => void) => void,
  isSynced: () => boolean,
  room: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client for ${room} did not sync`)), 30_000);
    const check = () => {
      if (!isSynced()) return;
      clearTimeout(timer);
      resolve();
    };
    subscribe(check);
    check();
  });
}

function socketWith(cookie: string | null): typeof globalThis.WebSocket {
  class BenchSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return BenchSocket as unknown as typeof globalThis.WebSocket;
}

/** y-websocket's provider (Tandem and the classic reference server speak its protocol). */
export async function connectYWebsocket(
  serverUrl: string,
  room: string,
  cookie: string | null,
): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: socketWith(cookie),
    disableBc: true,
  });
  await untilSynced(
    (check) => provider.on('sync', check),
    () => provider.synced,
    room,
  );
  return { doc, destroy: () => provider.destroy() };
}

/** Hocuspocus's own provider, one socket per client. */
export async function connectHocuspocus(serverUrl: string, room: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: serverUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  await untilSynced(
    (check) => provider.on('synced', check),
    () => provider.isSynced,
    room,
  );
  return {
    doc,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Percentile of samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/**
 * Fan-out latency: edits stamped with their send time (performance.timeOrigin-based, one
 * process), measured when each other client of the room sees them. Returns every sample in ms.
 */
export async function fanOut(
  clients: readonly BenchClient[],
  senders: readonly BenchClient[],
  plan: { editsPerSecond: number; seconds: number },
): Promise<number[]> {
  const samples: number[] = [];
  const now = () => performance.timeOrigin + performance.now();
  const stop: (() => void)[] = [];
  for (const client of clients) {
    stop.push(observeMarks(client.doc, (sentAt) => samples.push(now() - sentAt)));
  }
  const interval = 1000 / plan.editsPerSecond;
  const end = Date.now() + plan.seconds * 1000;
  // Each sender rewrites its own key, as typing rewrites a line: the documents (and the
  // garbage this process collects mid-measurement) stay small however long it runs.
  const stopEditing = spreadOver(senders.length, interval, (i) => {
    const sender = senders[i];
    if (sender && Date.now() <= end) writeMark(sender.doc, i, now());
  });
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000));
  // Then until the last edits have arrived: no new sample for 200 ms, at most 1.5 s.
  const settled = Date.now() + 1_500;
  for (let seen = -1; seen !== samples.length && Date.now() < settled;) {
    seen = samples.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const clear of [stopEditing, ...stop]) clear();
  return samples;
}

/**
 * Calls `edit(i)` for each of `count` senders every `interval` ms, the senders starting spread
 * over one interval, as people do, not all in the same millisecond. Returns how to stop.
 */
export function spreadOver(count: number, interval: number, edit: (i: number) => void) {
  const timers = Array.from({ length: count }, (_, i) => {
    let every: NodeJS.Timeout | undefined;
    const first = setTimeout(
      () => {
        edit(i);
        every = setInterval(() => edit(i), interval);
      },
      (interval * i) / count,
    );
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  });
  return () => {
    for (const clear of timers) clear();
  };
}

const MARK = 'resolvedAt';

/**
 * Where bench clients write their timestamps: one entry per sender in the `threads` map, its
 * `resolvedAt` rewritten on every edit (so documents stay small). Tandem's write rules allow
 * that to anyone who comments, and it is the same work for every server.
 */
export function writeMark(doc: Y.Doc, sender: number, value: number): void {
  const threads = doc.getMap<Y.Map<number>>('threads');
  const key = `bench-${sender}`;
  doc.transact(() => {
    let mark = threads.get(key);
    if (!mark) {
      mark = new Y.Map<number>();
      threads.set(key, mark);
    }
    mark.set(MARK, value);
  });
}

/** Calls `onMark` with each timestamp another client wrote (see writeMark). */
export function observeMarks(doc: Y.Doc, onMark: (value: number) => void): () => void {
  const threads = doc.getMap<Y.Map<number>>('threads');
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.local) return;
    for (const event of events) {
      const keysChanged = (event as unknown as { keysChanged: Set<string> }).keysChanged;
      const target: unknown = event.target;
      // A sender's first edit creates its entry, with the timestamp already in it.
      const values =
        target === threads
          ? [...keysChanged].map((key) => threads.get(key)?.get(MARK))
          : target instanceof Y.Map && keysChanged.has(MARK)
            ? [(target as Y.Map<unknown>).get(MARK)]
            : [];
      for (const value of values) if (typeof value === 'number') onMark(value);
    }
  };
  threads.observeDeep(observer);
  return () => threads.unobserveDeep(observer);
}

export async function closeAll(clients: readonly BenchClient[]): Promise<void> {
  for (const c of clients) c.destroy();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/**
 * A receiver that only notes when each document update arrives, without applying it: with
 * hundreds in one process, applying every update would measure this process, not the server.
 */
export interface Listener {
  /** Arrival times of update frames, in order (performance.timeOrigin-based ms). */
  arrivals: number[];
  close(): void;
}

/** Offset of the sync message in a frame: Hocuspocus prefixes the document's name. */
type Framing = (frame: Uint8Array) => number;

const Y_WEBSOCKET: Framing = () => 0;

const HOCUSPOCUS: Framing = (frame) => {
  let length = 0;
  let at = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = frame[at++] ?? 0;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  return at + length;
};

function listen(
  url: string,
  headers: Record<string, string>,
  framing: Framing,
  hello: Uint8Array | null,
): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const arrivals: number[] = [];
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => reject(new Error(`no answer from ${url}`)), 30_000);
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      if (hello) ws.send(hello);
    });
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const at = framing(data);
      // A sync message (0) carrying an update (2); anything else means the server has us.
      if (data[at] === 0 && data[at + 1] === 2) {
        arrivals.push(performance.timeOrigin + performance.now());
        return;
      }
      clearTimeout(timer);
      resolve({ arrivals, close: () => ws.close() });
    });
  });
}

/** Tandem and the classic server greet a joined connection with sync step 1. */
export function listenYWebsocket(
  serverUrl: string,
  room: string,
  cookie: string | null,
): Promise<Listener> {
  return listen(`${serverUrl}/${room}`, cookie ? { cookie } : {}, Y_WEBSOCKET, null);
}

/** Hocuspocus adds a connection to the document once it has sent a token. */
export function listenHocuspocus(serverUrl: string, room: string): Promise<Listener> {
  const name = new TextEncoder().encode(room);
  // [name][auth = 2][token = 0][token ""]; names here are shorter than 128 bytes.
  const hello = new Uint8Array([name.length, ...name, 2, 0, 0]);
  return listen(serverUrl, {}, HOCUSPOCUS, hello);
}
