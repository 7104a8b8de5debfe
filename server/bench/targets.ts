import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore } from '../src/storage/DocumentStore';
import { openPostgres } from '../src/storage/postgres/database';
import { PgDocumentStore } from '../src/storage/postgres/PgDocumentStore';
import { openDatabase } from '../src/storage/sqlite/database';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore';
import {
  type BenchClient,
  connectHocuspocus,
  connectYWebsocket,
  type Listener,
  listenHocuspocus,
  listenYWebsocket,
} from './clients';
import { type ServerProcess, startReference, startTandem } from './processes';

/** A server under test, in its own process, and how a stock client reaches its rooms. */
export interface Target {
  name: 'Tandem' | 'Tandem cluster' | 'y-websocket' | 'Hocuspocus';
  /** The server's processes (a cluster has one per node): their memory is the server's. */
  pids: (number | undefined)[];
  /** A distinct room per index (Tandem's need a partnership, made on first use). */
  room(index: number): Promise<string>;
  connect(room: string): Promise<BenchClient>;
  /** A receiver that notes arrivals only (see Listener). */
  listen(room: string): Promise<Listener>;
  /** A distinct agreement room per index, never opened yet. */
  agreementRoom(index: number): Promise<string>;
  /**
   * Puts `state` into a room nobody has opened: Tandem's store, as a compacted document; a
   * reference server, which keeps rooms in memory only while someone is in them, through a
   * provider that stays until the returned release is called.
   */
  seed(room: string, state: Uint8Array): Promise<() => void>;
  stop(): Promise<void>;
}

/** A bench account on a Tandem server and a way to make partnerships it coordinates. */
export async function tandemAccount(url: string) {
  const email = `bench-${Date.now()}-${Math.random()}@school.example`;
  const res = await fetch(`${url}/api/accounts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({
      email,
      password: 'measured every run, never guessed',
      name: 'Bench',
      language: 'en',
    }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const school = (language: string) => ({
    name: 'S',
    city: 'C',
    country: 'US',
    timeZone: 'UTC',
    language,
  });
  const partnership = async () => {
    const created = await fetch(`${url}/api/partnerships`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: url },
      body: JSON.stringify({ sideA: school('en'), sideB: school('zh-Hans') }),
    });
    return ((await created.json()) as { id: string }).id;
  };
  return { cookie, partnership };
}

type Account = Awaited<ReturnType<typeof tandemAccount>>;

/** A distinct room per index, each in a partnership of its own, made on first use. */
function roomsOf(account: Account, document = 'itinerary.A.threads'): Target['room'] {
  const rooms = new Map<number, Promise<string>>();
  return (index) => {
    let room = rooms.get(index);
    if (!room) {
      room = account.partnership().then((id) => `${id}/${document}`);
      rooms.set(index, room);
    }
    return room;
  };
}

/** Writes a document into a Tandem store as its compacted first row, as the server keeps it. */
function seedInto(store: DocumentStore): Target['seed'] {
  return async (room, state) => {
    if (!(await store.seed(room, state))) throw new Error(`${room} was already stored`);
    return () => undefined;
  };
}

export async function tandemTarget(): Promise<Target> {
  const server = await startTandem();
  const account = await tandemAccount(server.url);
  const sync = `${server.url.replace('http', 'ws')}/sync`;
  // A second connection to the server's SQLite file (WAL: the server keeps writing meanwhile).
  const db = openDatabase(server.dataDir);
  return {
    name: 'Tandem',
    pids: [server.child.pid],
    room: roomsOf(account),
    connect: (room) => connectYWebsocket(sync, room, account.cookie),
    listen: (room) => listenYWebsocket(sync, room, account.cookie),
    agreementRoom: roomsOf(account, 'agreement'),
    seed: seedInto(new SqliteDocumentStore(db)),
    async stop() {
      db.close();
      await server.stop();
    },
  };
}

/**
 * Two Tandem nodes on PostgreSQL and Redis (a fresh schema in `BENCH_DATABASE_URL`, default the
 * test database): a room's clients alternate between the nodes, so half of every fan-out and of
 * every storm crosses Redis. Its memory is both nodes' together.
 */
export async function tandemClusterTarget(): Promise<Target> {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now()}`;
  const admin = new pg.Pool({ connectionString: base, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = {
    DATABASE_URL: url,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  const nodes = [await startTandem(dataDir, env), await startTandem(dataDir, env)];
  const account = await tandemAccount(nodes[0]?.url ?? '');
  const pool = await openPostgres(url);
  const syncOf = (n: number) => `${(nodes[n % 2]?.url ?? '').replace('http', 'ws')}/sync`;
  let next = 0;
  return {
    name: 'Tandem cluster',
    pids: nodes.map((node) => node.child.pid),
    room: roomsOf(account),
    // The sender of a fan-out is the first client, on node one; listeners alternate.
    connect: (room) => connectYWebsocket(syncOf(next++), room, account.cookie),
    listen: (room) => listenYWebsocket(syncOf(next++), room, account.cookie),
    agreementRoom: roomsOf(account, 'agreement'),
    seed: seedInto(new PgDocumentStore(pool)),
    async stop() {
      await pool.end();
      await Promise.all(nodes.map((node) => node.stop()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

function referenceTarget(
  name: 'y-websocket' | 'Hocuspocus',
  server: ServerProcess,
  connect: (url: string, room: string) => Promise<BenchClient>,
  listen: (url: string, room: string) => Promise<Listener>,
): Target {
  const url = server.url.replace('http', 'ws');
  return {
    name,
    pids: [server.child.pid],
    room: (index) => Promise.resolve(`bench-room-${index}`),
    connect: (room) => connect(url, room),
    listen: (room) => listen(url, room),
    agreementRoom: (index) => Promise.resolve(`bench-agreement-${index}`),
    async seed(room, state) {
      const holder = await connect(url, room);
      Y.applyUpdate(holder.doc, state);
      // Stored once another client syncs it whole.
      const check = await connect(url, room);
      const expected = Y.encodeStateVector(holder.doc).toString();
      for (let i = 0; i < 100 && Y.encodeStateVector(check.doc).toString() !== expected; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      check.destroy();
      return () => holder.destroy();
    },
    stop: () => server.stop(),
  };
}

/** The classic y-websocket server (`setupWSConnection` from `@y/websocket-server` 0.1.1). */
export async function yWebsocketTarget(): Promise<Target> {
  return referenceTarget(
    'y-websocket',
    await startReference('yWebsocketServer.ts'),
    (url, room) => connectYWebsocket(url, room, null),
    (url, room) => listenYWebsocket(url, room, null),
  );
}

/** Hocuspocus 4.7 with its own provider. */
export async function hocuspocusTarget(): Promise<Target> {
  return referenceTarget(
    'Hocuspocus',
    await startReference('hocuspocusServer.ts'),
    connectHocuspocus,
    listenHocuspocus,
  );
}
