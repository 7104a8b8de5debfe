import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { MessageType } from '@tandem/shared/protocol';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers';
import { writeClause } from './agreementFlow';
import { type Person, join, twoSchools } from './people';

/** An awareness frame setting `state` for `client`, as a hand-written client would send it. */
function presenceFrame(client: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, client);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

describe('presence cannot be spoofed', () => {
  let server: TandemServer;
  let id: string;
  let coordinatorA: Person;
  let viewer: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA } = await twoSchools(base));
    viewer = await join(base, coordinatorA, id, 'A', 'viewer');
  });
  afterAll(() => server.close());

  async function watcher() {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorA, doc);
    await synced(provider);
    return provider;
  }

  const send = (ws: WebSocket, frame: Uint8Array) => ws.send(frame);

  it('shows the member’s real name, for one clientID per connection', async () => {
    const watching = await watcher();
    const ws = await rawSocket(server.port, `${id}/agreement`, viewer);
    send(
      ws,
      presenceFrame(424242, 1, { user: { name: 'Ana Coordinator (coordinator)', color: '#000' } }),
    );
    send(ws, presenceFrame(515151, 1, { user: { name: 'Second identity' } }));
    await waitFor(() => watching.awareness.getStates().has(424242), 'the viewer’s presence');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = watching.awareness.getStates().get(424242) as { user: { name: string } };
    expect(shown.user.name).toBe('viewer A');
    expect(watching.awareness.getStates().has(515151)).toBe(false);
    ws.close();
    watching.destroy();
  });

  it('refuses a clientID that another member’s edits introduced', async () => {
    const watching = await watcher();
    // The coordinator's own clientID, which wrote into the document.
    writeClause(watching.doc, 'purpose', 'en', 'Written by the coordinator.');
    const taken = watching.doc.clientID;
    await new Promise((resolve) => setTimeout(resolve, 100));
    watching.awareness.setLocalState(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ws = await rawSocket(server.port, `${id}/agreement`, viewer);
    send(ws, presenceFrame(taken, 99, { user: { name: 'Impostor' } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watching.awareness.getStates().get(taken)).toBeUndefined();
    ws.close();
    watching.destroy();
  });

  it('closes a connection that publishes more than 4 KiB of presence', async () => {
    const ws = await rawSocket(server.port, `${id}/agreement`, viewer);
    const closed = closeCode(ws);
    send(ws, presenceFrame(777, 1, { user: { name: 'x' }, padding: 'x'.repeat(5000) }));
    expect(await closed).toBe(4400);
  });
});
