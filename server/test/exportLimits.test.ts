import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, readMeta, setLegDates } from '@tandem/shared/doc/itinerary';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, twoSchools } from './people';

/** A host-side editor controls a leg's dates and texts: no export may cost seconds for it. */
describe('export limits', () => {
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

  const leg = () => `${id}/itinerary.A`;
  const download = async (extension: 'ics' | 'pdf') => {
    const started = performance.now();
    const query = extension === 'ics' ? '?audience=guests' : '';
    const res = await fetch(`${base}/api/partnerships/${id}/itineraries/A.${extension}${query}`, {
      headers: { Cookie: coordinatorA.cookie },
    });
    return { res, ms: performance.now() - started };
  };

  it('refuses a leg of 9,900 years with 400, at once', async () => {
    const editor = connectClient(server.port, leg(), coordinatorA);
    await synced(editor);
    const before = readMeta(editor.doc);
    setLegDates(editor.doc, '0100-01-01', '9999-12-31');
    await waitFor(
      () => server.registry.withRoom(leg(), (room) => readMeta(room.doc)?.endDate === '9999-12-31'),
      'the dates stored',
    );
    for (const extension of ['ics', 'pdf'] as const) {
      const { res, ms } = await download(extension);
      expect(res.status).toBe(400);
      expect(ms).toBeLessThan(200);
    }
    setLegDates(editor.doc, before?.startDate ?? '', before?.endDate ?? '');
    editor.destroy();
  });

  it('answers 400, not 500, for a leg with a zone that does not exist', async () => {
    await server.registry.withRoom(leg(), (room) => {
      room.doc.getMap('meta').set('timeZone', 'Mars/Olympus_Mons');
    });
    for (const extension of ['ics', 'pdf'] as const) {
      expect((await download(extension)).res.status).toBe(400);
    }
    await server.registry.withRoom(leg(), (room) => {
      room.doc.getMap('meta').set('timeZone', 'America/Los_Angeles');
    });
  });

  it('prints a 256 KiB title cut short, in about the time of a short one', async () => {
    const editor = connectClient(server.port, leg(), coordinatorA);
    await synced(editor);
    const meta = readMeta(editor.doc);
    editor.doc.transact(() => {
      addItem(editor.doc, {
        id: 'long',
        date: meta?.startDate ?? null,
        kind: 'group-event',
        title: { en: 'Tea ceremony '.repeat(20_000) },
        languages: meta?.languages ?? ['en'],
        proposedBy: 'A',
        status: 'agreed',
        start: '09:00',
      });
    });
    await waitFor(
      () => server.registry.withRoom(leg(), (room) => room.doc.getMap('items').has('long')),
      'the item stored',
    );
    const { res, ms } = await download('pdf');
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(5_000);
    const calendar = await download('ics');
    expect((await calendar.res.text()).length).toBeLessThan(20_000);
    editor.destroy();
  });
});
