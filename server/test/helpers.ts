import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '@tandem/shared/protocol';
import { type Config, readConfig } from '../src/config';
import { type TandemServer, startServer } from '../src/server';

/** A fresh temporary data folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
}

/** A real server on port 0 over `dataDir`. */
export function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
): Promise<TandemServer> {
  // A cheap scrypt keeps tests that create many accounts fast; production uses OWASP's cost.
  const defaults = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), scryptCost: 2 ** 10 };
  return startServer({ ...defaults, ...overrides });
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

/** Text of a test field. Tests use a plain Y.Text: the protocol does not care about the schema. */
export function textOf(doc: Y.Doc, field = 'text'): string {
  return doc.getText(field).toJSON();
}

/** A sync-protocol frame (type 0) of the given sub-type carrying `payload`. */
export function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
