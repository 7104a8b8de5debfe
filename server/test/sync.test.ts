import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type { TandemServer } from '../src/server';
import {
  connectClient,
  startTestServer,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { type Person, createPartnership } from './people';

describe('sync server with stock y-websocket providers', () => {
  let server: TandemServer;
  let dataDir: string;
  let person: Person;
  let ROOM: string;
  let OTHER_ROOM: string;
  const providers: WebsocketProvider[] = [];
  const connect = (room = ROOM) => {
    const provider = connectClient(server.port, room, person);
    providers.push(provider);
    return provider;
  };

  beforeEach(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir);
    const base = `http://127.0.0.1:${server.port}`;
    const first = await createPartnership(base);
    person = first.coordinatorA;
    ROOM = `${first.id}/agreement`;
    OTHER_ROOM = `${first.id}/itinerary.A`;
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server.close();
  });

  it('two clients editing at once converge', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 20; i++) {
      testText(a.doc).insert(0, 'a');
      testText(b.doc).insert(0, 'b');
    }
    await waitFor(() => textOf(a.doc).length === 40 && textOf(b.doc).length === 40, 'convergence');
    expect(textOf(a.doc)).toBe(textOf(b.doc));
  });

  it('a late joiner receives everything, and rooms are kept apart', async () => {
    const a = connect();
    const other = connect(OTHER_ROOM);
    await Promise.all([synced(a), synced(other)]);
    testText(a.doc).insert(0, 'hello');
    await waitFor(() => server.registry.size === 2, 'both rooms loaded');
    const late = connect();
    await synced(late);
    await waitFor(() => textOf(late.doc) === 'hello', 'late joiner content');
    expect(textOf(other.doc)).toBe('');
  });

  it('removes the awareness of a closed connection', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), 'b sees a');
    a.destroy();
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 'a gone for b');
  });

  it('unloads a room after its last client leaves and reloads it intact', async () => {
    const a = connect();
    await synced(a);
    testText(a.doc).insert(0, 'kept');
    await waitFor(() => server.registry.size === 1, 'room loaded');
    a.destroy();
    await waitFor(() => server.registry.size === 0, 'room unloaded');
    const b = connect();
    await synced(b);
    await waitFor(() => textOf(b.doc) === 'kept', 'content after reload');
  });

  it('survives a clean restart on the same data folder', async () => {
    const a = connect();
    const watcher = connect();
    await Promise.all([synced(a), synced(watcher)]);
    testText(a.doc).insert(0, 'before restart');
    await waitFor(() => textOf(watcher.doc) === 'before restart', 'another client has it');
    for (const p of providers.splice(0)) p.destroy();
    await server.close();
    server = await startTestServer(dataDir);
    const b = connect();
    await synced(b);
    await waitFor(() => textOf(b.doc) === 'before restart', 'content after restart');
  });

  it('merges edits made offline when the client reconnects', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([synced(a), synced(b)]);
    testText(a.doc).insert(0, 'shared ');
    await waitFor(() => textOf(b.doc) === 'shared ', 'initial sync');
    b.disconnect();
    testText(b.doc).insert(7, 'offline');
    testText(a.doc).insert(0, 'online ');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(textOf(a.doc)).not.toContain('offline');
    b.connect();
    await synced(b);
    await waitFor(() => textOf(a.doc) === textOf(b.doc), 'convergence after reconnect');
    expect(textOf(a.doc)).toContain('offline');
    expect(textOf(a.doc)).toContain('online');
  });

  it('closes connections to rooms that name no document with 4404, and the provider stops', async () => {
    const provider = connect(ROOM.replace('agreement', 'nonsense'));
    const closed = await new Promise<number>((resolve) =>
      provider.once('closed', (e) => resolve(e.code)),
    );
    expect(closed).toBe(4404);
    expect(provider.shouldConnect).toBe(false);
  });
});
