import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Config, readConfig } from '../src/config';
import { type TandemServer, startServer } from '../src/server';

/** A fresh temporary data folder, removed by `cleanup`. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
}

/** A real server on port 0 over `dataDir`. */
export function startTestServer(
  dataDir: string,
  overrides: Partial<Config> = {},
): Promise<TandemServer> {
  const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), ...overrides };
  return startServer(config);
}

/** A stock y-websocket provider in Node, as any integration would use it. */
export function connectClient(port: number, room: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
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
  condition: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a raw WebSocket to a room and resolves once it is open. */
export function rawSocket(port: number, room: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${room}`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code the server sends. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

export function textOf(doc: Y.Doc, field = 'text'): string {
  return doc.getText(field).toJSON();
}
