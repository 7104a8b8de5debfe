import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  synced,
  syncFrame,
  tempDataDir,
  testText,
  textOf,
  waitFor,
} from './helpers';
import { type Person, join, twoSchools } from './people';

describe('attribution of Yjs clientIDs to members', () => {
  let server: TandemServer;
  let dataDir: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;

  beforeEach(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir);
    ({ id, coordinatorA, coordinatorB } = await twoSchools(`http://127.0.0.1:${server.port}`));
  });
  afterEach(() => server.close());

  it('rejects an update that writes under another member’s clientID, even after a restart', async () => {
    const room = `${id}/agreement`;
    const a = connectClient(server.port, room, coordinatorA);
    await synced(a);
    testText(a.doc).insert(0, 'Written by A.');
    await waitFor(() => server.registry.size === 1, 'room loaded');
    const victim = a.doc.clientID;
    a.destroy();
    await waitFor(() => server.registry.size === 0, 'room unloaded');
    await server.close();
    server = await startTestServer(dataDir);

    // B forges an edit as if A had made it, under A's clientID.
    const forger = new Y.Doc();
    forger.clientID = victim;
    testText(forger).insert(0, 'A agrees to pay everything. ');
    const forged = Y.encodeStateAsUpdate(forger);

    const ws = await rawSocket(server.port, room, coordinatorB);
    const closed = closeCode(ws);
    ws.send(syncFrame(2, forged));
    expect(await closed).toBe(4403);

    const check = connectClient(server.port, room, coordinatorA);
    await synced(check);
    expect(textOf(check.doc)).toBe('Written by A.');
    check.destroy();
  });

  it('counts surviving words per member', async () => {
    const room = `${id}/agreement`;
    // Two members of the school that writes the English version.
    const teacherA = await join(
      `http://127.0.0.1:${server.port}`,
      coordinatorA,
      id,
      'A',
      'teacher',
    );
    const a = connectClient(server.port, room, coordinatorA);
    const b = connectClient(server.port, room, teacherA);
    await Promise.all([synced(a), synced(b)]);
    testText(a.doc).insert(0, 'one two three four');
    await waitFor(() => textOf(b.doc) === 'one two three four', 'b has it');
    testText(b.doc).delete(0, 4);
    testText(b.doc).insert(0, 'five six ');
    await waitFor(() => textOf(a.doc) === 'five six two three four', 'a has it');
    const loaded = await server.registry.join(room, {
      id: -1,
      memberId: null,
      canEdit: false,
      mayDecide: false,
      mayPropose: true,
      name: 'Test member',
      side: 'A',
      language: 'en',
      awarenessIds: new Set(),
      presenceClient: null,
      readOnlyReason: 'readOnly',
      wantsReceipts: false,
      updateFrames: 0,
      send: () => undefined,
    });
    const counts = [...loaded.authorship().values()].sort();
    expect(counts).toEqual([2, 3]);
    a.destroy();
    b.destroy();
  });
});
