import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode, MessageType, TandemMessage } from '@tandem/shared/protocol';
import type { TandemServer } from '../src/server';
import { freezeAgreement } from './agreementFlow';
import {
  closeCode,
  connectClient,
  copyOfRoom,
  rawSocket,
  startTestServer,
  syncFrame,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { createPartnership, join, twoSchools, type Person } from './people';

const tandem = (kind: number) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.tandem);
  encoding.writeVarUint(encoder, kind);
  return encoding.toUint8Array(encoder);
};

type Heard =
  { kind: 'stored'; frames: number } | { kind: 'refused'; reason: string } | { kind: 'pong' };

/** Every Tandem message a raw socket receives, decoded, in order. */
function listen(ws: WebSocket): Heard[] {
  const heard: Heard[] = [];
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MessageType.tandem) return;
    const kind = decoding.readVarUint(decoder);
    if (kind === TandemMessage.stored) {
      heard.push({ kind: 'stored', frames: decoding.readVarUint(decoder) });
    } else if (kind === TandemMessage.refused) {
      heard.push({ kind: 'refused', reason: decoding.readVarString(decoder) });
    } else if (kind === TandemMessage.pong) heard.push({ kind: 'pong' });
  });
  return heard;
}

/** A copy of the room's document as it is now, and an update typing `text` on top of it. */
async function typedUpdate(port: number, room: string, person: Person, text: string) {
  const doc = await copyOfRoom(port, room, person);
  const before = Y.encodeStateVector(doc);
  testText(doc).insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** "Saved" means stored: the server says so, and says when and why it refused an edit. */
describe('receipts and refusals', () => {
  let server: TandemServer;
  afterEach(() => server.close());

  async function start() {
    server = await startTestServer(tempDataDir());
    return `http://127.0.0.1:${server.port}`;
  }

  it('acknowledges each update frame once it is stored, and only after hello', async () => {
    const base = await start();
    const { id, coordinatorA } = await createPartnership(base);
    const room = `${id}/agreement`;
    const first = await typedUpdate(server.port, room, coordinatorA, 'Stored ');
    const ws = await rawSocket(server.port, room, coordinatorA);
    const heard = listen(ws);
    ws.send(syncFrame(2, first)); // before hello: no receipt
    await waitFor(async () => {
      const loaded = await server.registry.withRoom(room, (r) => textOf(r.doc));
      return loaded.includes('Stored');
    }, 'the first update applied');
    ws.send(tandem(TandemMessage.hello));
    const second = await typedUpdate(server.port, room, coordinatorA, 'twice ');
    ws.send(syncFrame(2, second));
    // A frame that adds nothing (a reconnecting client's sync step 2) is acknowledged too.
    ws.send(syncFrame(2, second));
    await waitFor(() => heard.some((h) => h.kind === 'stored' && h.frames === 2), 'receipt for 2');
    expect(heard.filter((h) => h.kind === 'stored').at(-1)).toEqual({ kind: 'stored', frames: 2 });
    // Stored means a fresh client (and so a restarted server) has it.
    const reader = connectClient(server.port, room, coordinatorA);
    await synced(reader);
    expect(textOf(reader.doc)).toContain('twice');
    reader.destroy();
    ws.close();
  });

  it('answers a ping at once, and never sends a stock provider any Tandem message', async () => {
    const base = await start();
    const { id, coordinatorA } = await createPartnership(base);
    const ws = await rawSocket(server.port, `${id}/agreement`, coordinatorA);
    const heard = listen(ws);
    ws.send(tandem(TandemMessage.ping));
    await waitFor(() => heard.some((h) => h.kind === 'pong'), 'pong');
    ws.close();

    const errors = vi.spyOn(console, 'error');
    const provider = connectClient(server.port, `${id}/agreement`, coordinatorA);
    await synced(provider);
    testText(provider.doc).insert(0, 'Plain provider ');
    const reader = await join(base, coordinatorA, id, 'A', 'host-parent');
    const readOnly = connectClient(server.port, `${id}/agreement`, reader);
    await synced(readOnly);
    testText(readOnly.doc).insert(0, 'Refused quietly ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(errors).not.toHaveBeenCalledWith('Unable to compute message');
    errors.mockRestore();
    provider.destroy();
    readOnly.destroy();
  });

  it('tells a reader that its edit was refused, and changes nothing', async () => {
    const base = await start();
    const { id, coordinatorA } = await createPartnership(base);
    const room = `${id}/agreement`;
    const reader = await join(base, coordinatorA, id, 'A', 'host-parent');
    const update = await typedUpdate(server.port, room, reader, 'Not allowed ');
    const ws = await rawSocket(server.port, room, reader);
    const heard = listen(ws);
    ws.send(tandem(TandemMessage.hello));
    ws.send(syncFrame(2, update));
    await waitFor(() => heard.some((h) => h.kind === 'refused'), 'refusal');
    expect(heard).toContainEqual({ kind: 'refused', reason: 'readOnly' });
    expect(heard.some((h) => h.kind === 'stored')).toBe(false);
    ws.close();
  });

  it("acknowledges a reader's sync step 2 that only repeats what the server has", async () => {
    const base = await start();
    const { id, coordinatorA } = await createPartnership(base);
    const room = `${id}/agreement`;
    // Content and deletions, so the reader's copy carries a delete set.
    const writer = connectClient(server.port, room, coordinatorA);
    await synced(writer);
    testText(writer.doc).insert(0, 'Kept and removed');
    testText(writer.doc).delete(4, 12);
    const reader = await join(base, coordinatorA, id, 'A', 'host-parent');
    const copy = connectClient(server.port, room, reader);
    await waitFor(() => textOf(copy.doc) === 'Kept', 'the reader has the text');
    const ws = await rawSocket(server.port, room, reader);
    const heard = listen(ws);
    ws.send(tandem(TandemMessage.hello));
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(copy.doc)));
    await waitFor(() => heard.some((h) => h.kind === 'stored'), 'a receipt');
    expect(heard.some((h) => h.kind === 'refused')).toBe(false);
    writer.destroy();
    copy.destroy();
    const text = await server.registry.withRoom(room, (r) => textOf(r.doc));
    expect(text).not.toContain('Not allowed');
    ws.close();
  });

  it('refuses edits to a frozen or signed agreement with the reason, and no proposals on it', async () => {
    const base = await start();
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    await freezeAgreement(base, server.port, id, coordinatorA, coordinatorB);
    const room = `${id}/agreement`;
    const update = await typedUpdate(server.port, room, coordinatorA, 'Each school pays. ');
    const ws = await rawSocket(server.port, room, coordinatorA);
    const heard = listen(ws);
    ws.send(tandem(TandemMessage.hello));
    ws.send(syncFrame(2, update));
    await waitFor(() => heard.length > 0, 'an answer');
    expect(heard[0]).toEqual({ kind: 'refused', reason: 'signing' });
    const text = await server.registry.withRoom(room, (r) => textOf(r.doc));
    expect(text).not.toContain('Each school pays');
    ws.close();
  });

  it('names the broken rule before closing a connection that writes the other school’s part', async () => {
    const base = await start();
    const { id, coordinatorA } = await twoSchools(base);
    const room = `${id}/agreement`;
    const doc = await copyOfRoom(server.port, room, coordinatorA);
    const before = Y.encodeStateVector(doc);
    doc.getMap('answers/expectations/B').set('x', 'written by A');
    const ws = await rawSocket(server.port, room, coordinatorA);
    const heard = listen(ws);
    const closed = closeCode(ws);
    ws.send(tandem(TandemMessage.hello));
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
    expect(await closed).toBe(CloseCode.forbidden);
    expect(heard).toContainEqual({ kind: 'refused', reason: 'rules' });
  });
});
