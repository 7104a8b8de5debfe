import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@tandem/shared/protocol';
import type { TandemServer } from '../src/server';
import { DEFAULT_SYNC_LIMITS } from '../src/sync/limits';
import { DOCUMENT_CAPS } from '../src/workflows/documentCaps';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  syncFrame,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { createPartnership, join } from './people';

/** An update typing `text` into the agreement's English purpose clause, on top of `doc`. */
function typed(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  testText(doc).insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** No member, and no script in a member's browser, can wedge the server for the others. */
describe('sync limits', () => {
  let server: TandemServer;
  afterEach(() => server.close());

  async function start(overrides: Parameters<typeof startTestServer>[1] = {}) {
    server = await startTestServer(tempDataDir(), overrides);
    const base = `http://127.0.0.1:${server.port}`;
    return { base, ...(await createPartnership(base)) };
  }

  it('closes a connection that does not read what it asked for, and keeps memory bounded', async () => {
    const maxBufferedBytes = 256 * 1024;
    // Requests are not rate-limited here: only the bound on unsent data protects the server.
    const { base, id, coordinatorA } = await start({
      syncLimits: {
        ...DEFAULT_SYNC_LIMITS,
        maxBufferedBytes,
        stateRequests: { perSecond: 1_000, burst: 1_000 },
      },
    });
    const room = `${id}/agreement`;
    // A large agreement, written by the server (no peer's limits apply to it).
    await server.registry.withRoom(room, (r) => {
      testText(r.doc).insert(0, 'x'.repeat(900 * 1024));
    });
    const reader = await join(base, coordinatorA, id, 'A', 'host-parent');
    const ws = await rawSocket(server.port, room, reader);
    const closed = closeCode(ws);
    // Never reads: the socket's data stays in the kernel and then in the server's buffer.
    const socket = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const before = process.memoryUsage().rss;
    const request = syncFrame(0, new Uint8Array([0]));
    for (let i = 0; i < 150; i++) ws.send(request);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const grown = process.memoryUsage().rss - before;
    // Reading again, the client finds the connection closed.
    socket.resume();
    expect([CloseCode.tryAgainLater, CloseCode.tooFast, 1006]).toContain(await closed);
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });

  it('closes with 4029 a connection that asks for the whole document again and again', async () => {
    const { id, coordinatorA } = await start();
    const ws = await rawSocket(server.port, `${id}/agreement`, coordinatorA);
    const closed = closeCode(ws);
    for (let i = 0; i < DEFAULT_SYNC_LIMITS.stateRequests.burst + 5; i++) {
      ws.send(syncFrame(0, new Uint8Array([0])));
    }
    expect(await closed).toBe(CloseCode.tooFast);
  });

  it('closes with 4029 a flood of updates, and the others keep editing', async () => {
    const { id, coordinatorA } = await start();
    const room = `${id}/agreement`;
    const other = connectClient(server.port, room, coordinatorA);
    await synced(other);
    const ws = await rawSocket(server.port, room, coordinatorA);
    const closed = closeCode(ws);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc));
    for (let i = 0; i < DEFAULT_SYNC_LIMITS.updates.burst * 3; i++) {
      ws.send(syncFrame(2, typed(doc, 'f')));
    }
    expect(await closed).toBe(CloseCode.tooFast);
    testText(other.doc).insert(0, 'still here ');
    const check = connectClient(server.port, room, coordinatorA);
    await synced(check);
    await waitFor(() => textOf(check.doc).startsWith('still here '), 'editing goes on');
    // Nothing past the limit was applied.
    expect(textOf(check.doc).length).toBeLessThan(
      'still here '.length + DEFAULT_SYNC_LIMITS.updates.burst * 3,
    );
    other.destroy();
    check.destroy();
  });

  it('refuses a change that would take a document past its cap with 4413, and the document stops growing', async () => {
    const { id, coordinatorA } = await start();
    const room = `${id}/agreement`;
    await server.registry.withRoom(room, (r) => {
      testText(r.doc).insert(0, 'y'.repeat(DOCUMENT_CAPS.agreement - 64 * 1024));
    });
    const ws = await rawSocket(server.port, room, coordinatorA);
    const closed = closeCode(ws);
    const copy = connectClient(server.port, room, coordinatorA);
    await synced(copy);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy.doc));
    copy.destroy();
    ws.send(syncFrame(2, typed(doc, 'z'.repeat(128 * 1024))));
    expect(await closed).toBe(CloseCode.documentFull);
    const size = await server.registry.withRoom(room, (r) => r.byteSize);
    expect(size).toBeLessThanOrEqual(DOCUMENT_CAPS.agreement * 1.1);
  });

  it('refuses more connections per member in one room than the limit, with 4029', async () => {
    const { id, coordinatorA } = await start({
      syncLimits: { ...DEFAULT_SYNC_LIMITS, connectionsPerMemberRoom: 3 },
    });
    const room = `${id}/agreement`;
    const open = await Promise.all([1, 2, 3].map(() => rawSocket(server.port, room, coordinatorA)));
    const extra = await rawSocket(server.port, room, coordinatorA);
    expect(await closeCode(extra)).toBe(CloseCode.tooFast);
    for (const ws of open) ws.close();
  });

  it('reports healthy storage', async () => {
    const { base } = await start();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, storage: 'ok' });
  });
});
