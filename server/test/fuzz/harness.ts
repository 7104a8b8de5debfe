import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DOCUMENT_NAMES } from '@tandem/shared/doc/documents';
import { MessageType } from '@tandem/shared/protocol';
import { connectClient, synced } from '../helpers';
import { call, PASSWORD, type Person } from '../people';
import { body, presenceFrame, updateCase, updateFrame } from './arbitraries';

/** A running server and the people the fuzzer acts as. */
export interface FuzzTarget {
  port: number;
  base: string;
  id: string;
  people: readonly Person[];
}

/** What a run saw: close codes per code, HTTP statuses per status, and every 5xx. */
export interface FuzzReport {
  frames: number;
  closes: Map<number, number>;
  statuses: Map<number, number>;
  serverErrors: string[];
}

export const emptyReport = (): FuzzReport => ({
  frames: 0,
  closes: new Map(),
  statuses: new Map(),
  serverErrors: [],
});

const count = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * A hand-written client of one room that keeps a copy of the document (from the server's sync
 * step 2), so its changes are fresh structs the server judges on their merits. When the server
 * closes it (a refused change, a limit), it reconnects with a new copy.
 */
class RoomClient {
  private ws: WebSocket | null = null;
  doc = new Y.Doc();

  constructor(
    private readonly target: FuzzTarget,
    private readonly room: string,
    private readonly person: Person,
    private readonly report: FuzzReport,
  ) {}

  /** An open socket with a synced copy, reconnecting if the last one closed. */
  async ready(): Promise<WebSocket> {
    if (this.ws?.readyState === WebSocket.OPEN) return this.ws;
    const ws = new WebSocket(`ws://127.0.0.1:${this.target.port}/sync/${this.room}`, {
      headers: { cookie: this.person.cookie },
    });
    const doc = new Y.Doc();
    const isSynced = new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== MessageType.sync) return;
        const subType = decoding.readVarUint(decoder);
        if (subType === 0) return;
        try {
          Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
        } catch {
          return;
        }
        if (subType === 1) resolve();
      });
      ws.once('close', (code) => {
        count(this.report.closes, code);
        reject(new Error(`closed with ${code}`));
      });
      ws.once('error', () => undefined);
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
    ws.send(encoding.toUint8Array(encoder));
    await isSynced.catch(() => undefined);
    this.ws = ws;
    this.doc = doc;
    return ws;
  }

  close(): void {
    this.ws?.close();
  }
}

/** Runs `work` over `items`, `lanes` at a time. */
async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Sends `n` generated sync frames to every document, as each person in turn. */
export async function fuzzUpdates(target: FuzzTarget, n: number, seed: number, report: FuzzReport) {
  const cases = fc.sample(updateCase, { numRuns: n, seed });
  const clients = DOCUMENT_NAMES.flatMap((document) =>
    target.people.map((p) => new RoomClient(target, `${target.id}/${document}`, p, report)),
  );
  await inLanes(clients, 4, async (client) => {
    const share = Math.ceil(n / clients.length);
    const start = clients.indexOf(client) * share;
    for (const c of cases.slice(start, start + share)) {
      const ws = await client.ready().catch(() => null);
      if (!ws) continue;
      ws.send(updateFrame(client.doc, c));
      report.frames++;
      if (report.frames % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    client.close();
  });
}

/** Sends `n` generated presence frames, spread over the documents. */
export async function fuzzPresence(
  target: FuzzTarget,
  n: number,
  seed: number,
  report: FuzzReport,
) {
  const frames = fc.sample(presenceFrame, { numRuns: n, seed });
  const clients = DOCUMENT_NAMES.map(
    (document, i) =>
      new RoomClient(
        target,
        `${target.id}/${document}`,
        target.people[i % target.people.length] as Person,
        report,
      ),
  );
  await inLanes(clients, 4, async (client) => {
    const share = Math.ceil(n / clients.length);
    const start = clients.indexOf(client) * share;
    for (const frame of frames.slice(start, start + share)) {
      const ws = await client.ready().catch(() => null);
      if (!ws) continue;
      ws.send(frame);
      report.frames++;
      if (report.frames % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    client.close();
  });
}

/**
 * Every route of the API that takes a body, with its method and this partnership's id. Signing
 * out (DELETE /api/sessions) is left out: it would end the fuzzer's sessions and test nothing
 * but the sign-in check from then on.
 */
export function routesOf(id: string): [string, string][] {
  const p = `/api/partnerships/${id}`;
  return [
    ['POST', '/api/accounts'],
    ['POST', '/api/sessions'],
    ['POST', '/api/me/password'],
    ['PATCH', '/api/me'],
    ['POST', '/api/partnerships'],
    ['PATCH', `${p}/sides/A`],
    ['PATCH', `${p}/sides/B`],
    ['POST', `${p}/invites`],
    ['DELETE', `${p}/invites/x`],
    ['PATCH', `${p}/members/x`],
    ['DELETE', `${p}/members/x`],
    ['POST', `${p}/agreement/clauses/purpose/align`],
    ['POST', `${p}/agreement/clauses/purpose/approve`],
    ['PUT', `${p}/agreement/prevailing`],
    ['POST', `${p}/agreement/versions`],
    ['POST', `${p}/agreement/versions/x/restore`],
    ['POST', `${p}/prompts/R-x:y/dismissal`],
    ['DELETE', `${p}/prompts/R-x:y/dismissal`],
    ['POST', `${p}/signing`],
    ['DELETE', `${p}/signing`],
    ['POST', `${p}/signing/signatures`],
    ['POST', `${p}/amendment`],
    ['POST', `${p}/threads/agreement.threads/reads`],
    ['POST', `${p}/itineraries/A/items/x/vote`],
    ['POST', `${p}/itineraries/B/proposals`],
    ['POST', '/api/invites/x/accept'],
    ['POST', '/api/verify'],
  ];
}

/** Sends `perRoute` generated bodies to every route that takes one. */
export async function fuzzBodies(
  target: FuzzTarget,
  perRoute: number,
  seed: number,
  report: FuzzReport,
) {
  const bodies = fc.sample(body, { numRuns: perRoute, seed });
  const requests = routesOf(target.id).flatMap(([method, path]) =>
    bodies.map((b, i) => ({ path, body: b, method, i })),
  );
  await inLanes(requests, 16, async ({ path, body: payload, method, i }) => {
    const person = target.people[i % target.people.length] as Person;
    const res = await fetch(target.base + path, {
      method,
      headers: { Cookie: person.cookie, 'Content-Type': 'application/json', Origin: target.base },
      body:
        payload === undefined
          ? undefined
          : typeof payload === 'string'
            ? payload
            : new Uint8Array(payload),
    });
    await res.arrayBuffer();
    count(report.statuses, res.status);
    if (res.status >= 500) report.serverErrors.push(`${method} ${path} → ${res.status}`);
  });
}

/**
 * Every document of the partnership still syncs to a stock provider, for the first person
 * signed in afresh (the fuzzed bodies include signing out).
 */
export async function everyDocumentLoads(target: FuzzTarget): Promise<void> {
  const person = target.people[0] as Person;
  const signedIn = await call(target.base, 'POST', '/api/sessions', {
    email: person.email,
    password: PASSWORD,
  });
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  for (const document of DOCUMENT_NAMES) {
    const provider = connectClient(target.port, `${target.id}/${document}`, { cookie });
    await synced(provider);
    provider.destroy();
  }
}
