import crypto from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@tandem/shared/protocol';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  syncFrame,
  startTestServer,
  synced,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { type Person, createPartnership } from './people';

const LIMIT = 64 * 1024;

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  testText(doc).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('bad input on the sync endpoint', () => {
  let server: TandemServer;
  let dataDir: string;
  let a: WebsocketProvider;
  let b: WebsocketProvider;
  let person: Person;
  let ROOM: string;

  beforeEach(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir, { maxMessageBytes: LIMIT });
    const partnership = await createPartnership(`http://127.0.0.1:${server.port}`);
    person = partnership.coordinatorA;
    ROOM = `${partnership.id}/agreement`;
    a = connectClient(server.port, ROOM, person);
    b = connectClient(server.port, ROOM, person);
    await Promise.all([synced(a), synced(b)]);
    testText(a.doc).insert(0, 'stored before');
    await waitFor(() => textOf(b.doc) === 'stored before', 'initial content');
  });
  afterEach(async () => {
    a.destroy();
    b.destroy();
    await server.close();
  });

  /** After the attack: the room still works for others, and nothing stored was damaged. */
  async function expectRoomIntact(): Promise<void> {
    testText(a.doc).insert(0, 'still editing, ');
    await waitFor(() => textOf(b.doc) === 'still editing, stored before', 'editing goes on');
    const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
    expect(health.status).toBe(200);
    a.destroy();
    b.destroy();
    await server.close();
    server = await startTestServer(dataDir, { maxMessageBytes: LIMIT });
    const reader = connectClient(server.port, ROOM, person);
    await synced(reader);
    await waitFor(() => textOf(reader.doc) === 'still editing, stored before', 'stored content');
    reader.destroy();
  }

  const cases: [string, () => Uint8Array][] = [
    ['random bytes', () => crypto.randomBytes(200)],
    ['an empty frame', () => new Uint8Array(0)],
    ['an unknown message type', () => new Uint8Array([9, 1, 2])],
    ['an unknown sync message type', () => syncFrame(7, new Uint8Array([1]))],
    ['a truncated sync message', () => syncFrame(2, validUpdate('evil')).slice(0, 6)],
    ['an update of random bytes', () => syncFrame(2, crypto.randomBytes(64))],
    [
      'a truncated update',
      () => {
        const update = validUpdate('truncated');
        return syncFrame(2, update.slice(0, update.length - 3));
      },
    ],
    ['a malformed state vector', () => syncFrame(0, new Uint8Array([5, 200, 200]))],
    [
      'a malformed awareness update',
      () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.awareness);
        encoding.writeVarUint8Array(encoder, new Uint8Array([1, 7, 1, 3, 123, 34, 120]));
        return encoding.toUint8Array(encoder);
      },
    ],
  ];

  for (const [name, frame] of cases) {
    it(`closes the connection that sends ${name} with ${CloseCode.badMessage}`, async () => {
      const attacker = await rawSocket(server.port, ROOM, person);
      const closed = closeCode(attacker);
      attacker.send(frame());
      expect(await closed).toBe(CloseCode.badMessage);
      expect(textOf(b.doc)).toBe('stored before');
      await expectRoomIntact();
    });
  }

  it('closes a text frame with 4400', async () => {
    const attacker = await rawSocket(server.port, ROOM, person);
    const closed = closeCode(attacker);
    attacker.send('hello');
    expect(await closed).toBe(CloseCode.badMessage);
    await expectRoomIntact();
  });

  it(`closes a frame over the size limit with ${CloseCode.tooLarge}`, async () => {
    const attacker = await rawSocket(server.port, ROOM, person);
    const closed = closeCode(attacker);
    attacker.send(syncFrame(2, validUpdate('x'.repeat(LIMIT + 10))));
    expect(await closed).toBe(CloseCode.tooLarge);
    expect(textOf(b.doc)).toBe('stored before');
    await expectRoomIntact();
  });

  it('accepts a frame just under the size limit', async () => {
    const big = 'y'.repeat(LIMIT - 200);
    testText(a.doc).insert(0, big);
    await waitFor(() => textOf(b.doc).startsWith(big), 'large update delivered');
  });
});
