import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools } from './people';

describe('itinerary legs', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let parentA: Person;
  let parentB: Person;
  let viewerA: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    const schools = await twoSchools(base);
    id = schools.id;
    parentA = await join(base, schools.coordinatorA, id, 'A', 'host-parent');
    parentB = await join(base, schools.coordinatorB, id, 'B', 'host-parent');
    viewerA = await join(base, schools.coordinatorA, id, 'A', 'viewer');
  });
  afterAll(() => server.close());

  it("seeds each leg, takes the visiting side's votes and proposals, and exports a calendar", async () => {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/itinerary.B`, parentB, doc);
    await synced(provider);
    const meta = readMeta(doc);
    expect(meta).toMatchObject({
      hostSide: 'B',
      timeZone: 'Asia/Shanghai',
      languages: ['en', 'zh-Hans'],
    });
    expect(meta && meta.endDate > meta.startDate).toBe(true);
    const date = meta?.startDate ?? '';
    addItem(doc, {
      id: 'tea',
      date,
      kind: 'group-event',
      title: { 'zh-Hans': '龙井茶园', en: 'Longjing tea fields' },
      languages: ['en', 'zh-Hans'],
      proposedBy: 'B',
      status: 'agreed',
      start: '09:00',
      end: '11:00',
    });

    const leg = `/api/partnerships/${id}/itineraries/B`;
    expect(
      (await call(base, 'POST', `${leg}/items/tea/vote`, { vote: 'yes' }, parentA)).status,
    ).toBe(200);
    await waitFor(
      () =>
        readItems(doc)[0]?.votes !== undefined &&
        Object.keys(readItems(doc)[0]?.votes ?? {}).length === 1,
      'the vote',
    );
    expect(
      (await call(base, 'POST', `${leg}/items/tea/vote`, { vote: 'perhaps' }, parentA)).status,
    ).toBe(400);
    expect(
      (await call(base, 'POST', `${leg}/items/tea/vote`, { vote: 'no' }, viewerA)).status,
    ).toBe(403);
    expect(
      (await call(base, 'POST', `${leg}/items/nope/vote`, { vote: 'no' }, parentA)).status,
    ).toBe(404);

    const proposed = await call(
      base,
      'POST',
      `${leg}/proposals`,
      { date, kind: 'free-time', lang: 'en', title: 'Baseball with host siblings' },
      parentA,
    );
    expect(proposed.status).toBe(201);
    await waitFor(() => readItems(doc).length === 2, 'the proposal');
    expect(readItems(doc).find((i) => i.status === 'proposed')).toMatchObject({
      proposedBy: 'A',
      title: { en: 'Baseball with host siblings', 'zh-Hans': '' },
    });

    const res = await fetch(`${base}${leg}.ics?audience=guests`, {
      headers: { Cookie: parentA.cookie },
    });
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]);
    for (const zone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    // Only agreed items go to families' calendars; the proposal waits for a decision.
    expect(events.map((e) => e.summary)).toEqual(['Longjing tea fields / 龙井茶园']);
    expect(events[0]?.startDate.toString()).toBe(`${date}T09:00:00`);
    const bad = await fetch(`${base}${leg}.ics?audience=everyone`, {
      headers: { Cookie: parentA.cookie },
    });
    expect(bad.status).toBe(400);
    const pdf = await fetch(`${base}${leg}.pdf`, { headers: { Cookie: parentA.cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // The families' language is one of the leg's; any other is refused, not replaced.
    const inChinese = await fetch(`${base}${leg}.pdf?language=zh-Hans`, {
      headers: { Cookie: parentA.cookie },
    });
    expect(inChinese.status).toBe(200);
    const inKlingon = await fetch(`${base}${leg}.pdf?language=tlh`, {
      headers: { Cookie: parentA.cookie },
    });
    expect(inKlingon.status).toBe(400);
    const outsider = (await twoSchools(base)).coordinatorA;
    expect(
      (await fetch(`${base}${leg}.pdf`, { headers: { Cookie: outsider.cookie } })).status,
    ).toBe(403);
    provider.destroy();
  });
});
