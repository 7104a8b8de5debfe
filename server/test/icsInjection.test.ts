import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import type { TandemServer } from '../src/server';
import {
  closeCode,
  connectClient,
  rawSocket,
  startTestServer,
  synced,
  syncFrame,
  tempDataDir,
  waitFor,
} from './helpers';
import { type Person, twoSchools } from './people';

describe('calendar line injection', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA } = await twoSchools(base));
  });
  afterAll(() => server.close());

  it('escapes every text of an item a raw client wrote, and refuses ids that are not ids', async () => {
    const reader = connectClient(server.port, `${id}/itinerary.A`, coordinatorA);
    await synced(reader);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
    const meta = readMeta(doc);
    const before = Y.encodeStateVector(doc);
    addItem(doc, {
      id: 'tea',
      date: meta?.startDate ?? null,
      kind: 'group-event',
      title: { en: 'Tea\rORGANIZER:mailto:evil@example.com\r\nATTACH:http://evil.example/x' },
      languages: meta?.languages ?? ['en'],
      proposedBy: 'A',
      status: 'agreed',
      start: '09:00',
    });
    const ws = await rawSocket(server.port, `${id}/itinerary.A`, coordinatorA);
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
    await waitFor(() => readItems(reader.doc).length === 1, 'the item to arrive');
    ws.close();

    const res = await fetch(`${base}/api/partnerships/${id}/itineraries/A.ics?audience=guests`, {
      headers: { Cookie: coordinatorA.cookie },
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split(/\r\n|\r|\n/);
    expect(lines.filter((l) => /^(ORGANIZER|ATTACH)/.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith('SUMMARY:Tea\\nORGANIZER'))).toBe(true);

    // An item whose id would break the UID line is refused outright.
    const evil = new Y.Doc();
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(reader.doc));
    const at = Y.encodeStateVector(evil);
    addItem(evil, {
      id: 'x\r\nATTACH:http://evil.example/y',
      date: meta?.startDate ?? null,
      kind: 'meal',
      title: { en: 'Lunch' },
      languages: meta?.languages ?? ['en'],
      proposedBy: 'A',
      status: 'agreed',
    });
    const raw = await rawSocket(server.port, `${id}/itinerary.A`, coordinatorA);
    const closed = closeCode(raw);
    raw.send(syncFrame(2, Y.encodeStateAsUpdate(evil, at)));
    expect(await closed).toBe(4403);
    reader.destroy();
  });
});
