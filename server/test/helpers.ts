import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { MessageType } from '@tandem/shared/protocol';
import { type Config, readConfig } from '../src/config';
import { type TandemServer, startServer } from '../src/server';
import { freshPostgres } from './postgres';

/** A fresh temporary data folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
}

/** Which engine the integration tests run on: `TEST_ENGINE=postgres` (vite.config.ts) or SQLite. */
export const TEST_ENGINE = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** On PostgreSQL, each data folder's schema: a server restarted on the folder finds its data. */
const schemaOf = new Map<string, string>();

/** The database URL standing for `dataDir` when the tests run on PostgreSQL. */
export async function databaseUrlFor(dataDir: string): Promise<string> {
  let url = schemaOf.get(dataDir);
  if (!url) {
    url = (await freshPostgres()).url;
    schemaOf.set(dataDir, url);
  }
  return url;
}

/**
 * A real server on port 0 over `dataDir`: on SQLite, or on PostgreSQL with a schema of its own
 * for that folder (server/test/postgresSetup.ts drops them after the run).
 */
export async function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
): Promise<TandemServer> {
  // A cheap scrypt keeps tests that create many accounts fast; production uses OWASP's cost.
  // Tests sign up many people from one address; the sign-up limit has its own test.
  const defaults = {
    ...readConfig({ PORT: '0', DATA_DIR: dataDir }),
    scryptCost: 2 ** 10,
    signUpsPerAddressPerHour: 10_000,
    // Failures only: a test that wants the log starts its own server.
    logLevel: process.env.LOG_LEVEL ?? 'error',
  };
  if (TEST_ENGINE === 'sqlite' || overrides.databaseUrl !== undefined) {
    return startServer({ ...defaults, ...overrides });
  }
  return startServer({ ...defaults, databaseUrl: await databaseUrlFor(dataDir), ...overrides });
}

/** `ws` sending a session cookie with the handshake, as a browser does. */
function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** A stock y-websocket provider in Node, signed in as `person`, as any integration would use it. */
export function connectClient(
  port: number,
  room: string,
  person: { cookie: string },
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
    WebSocketPolyfill: webSocketWithCookie(person.cookie),
    // Node has BroadcastChannel: without this, two providers in one process would sync
    // through it and never prove anything about the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
}

/** Resolves once the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, `provider for ${provider.roomname} to sync`);
}

/** Polls `condition` until it holds, failing after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a raw WebSocket to a room and resolves once it is open. */
export function rawSocket(
  port: number,
  room: string,
  person: { cookie: string },
): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${room}`, {
    headers: { cookie: person.cookie },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code the server sends. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/**
 * The text tests type into: the first paragraph of the agreement's English purpose clause,
 * made when missing (the server refuses anything outside the document's schema).
 */
export function testText(doc: Y.Doc): Y.XmlText {
  const fragment = getClauseText(doc, 'purpose', 'en');
  const first = fragment.get(0);
  if (first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText) {
    return first.get(0) as Y.XmlText;
  }
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.insert(0, [paragraph]);
  return text;
}

/** Everything typed into the purpose clause in `lang`, paragraphs run together. */
export function clauseText(doc: Y.Doc, lang: string): string {
  let text = '';
  for (const node of getClauseText(doc, 'purpose', lang).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) text += String(child.toJSON());
    }
  }
  return text;
}

/** Everything typed into the English purpose clause (see testText). */
export function textOf(doc: Y.Doc): string {
  return clauseText(doc, 'en');
}

/** A sync-protocol frame (type 0) of the given sub-type carrying `payload`. */
export function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A WebSocket client written by hand that never answers a close frame or a ping. */
export interface StubbornSocket {
  readonly socket: net.Socket;
  /** Sends one masked binary frame, as a client must. */
  send(payload: Uint8Array): void;
  /** Resolves when the server cuts the TCP connection. */
  readonly ended: Promise<void>;
}

/** Completes a WebSocket handshake by hand; what the server sends afterwards is ignored. */
export function stubbornSocket(
  port: number,
  room: string,
  cookie: string,
): Promise<StubbornSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /sync/${room} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Cookie: ${cookie}\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    // The server ending its side is the cut; this client then lets go of the socket too.
    const ended = new Promise<void>((done) => {
      socket.once('close', () => done());
      socket.once('end', () => {
        socket.destroy();
        done();
      });
    });
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      if (!chunk.toString().startsWith('HTTP/1.1 101')) return reject(new Error(chunk.toString()));
      resolve({ socket, ended, send: (payload) => socket.write(maskedFrame(payload)) });
    });
  });
}

function maskedFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigEndian64(length)]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, body]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

/** A copy of the room's document as the server has it now, held by no provider. */
export async function copyOfRoom(
  port: number,
  room: string,
  person: { cookie: string },
): Promise<Y.Doc> {
  const copy = connectClient(port, room, person);
  await synced(copy);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy.doc));
  copy.destroy();
  return doc;
}

/**
 * What a hand-written client sends: `change` made on a synced copy of the room's document and
 * sent as one crafted update over a raw socket, as `person`. Resolves to the close code the
 * server answered with, or null when it kept the connection open (the update was accepted).
 */
export async function sendCrafted(
  port: number,
  room: string,
  person: { cookie: string },
  change: (doc: Y.Doc) => void,
  waitMs = 400,
): Promise<number | null> {
  const doc = await copyOfRoom(port, room, person);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const ws = await rawSocket(port, room, person);
  const closed = closeCode(ws);
  ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
  const code = await Promise.race([
    closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs)),
  ]);
  ws.close();
  return code;
}
