import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  type LegMeta,
  readItems,
  seedLeg,
  setItemField,
} from '@tandem/shared/doc/itinerary';
import { legCalendar } from './legCalendar';

function legWith(
  meta: LegMeta,
  items: { id: string; date: string; start?: string; end?: string }[],
) {
  const doc = new Y.Doc();
  seedLeg(doc, meta);
  for (const item of items) {
    addItem(doc, {
      id: item.id,
      date: item.date,
      kind: 'group-event',
      title: { en: `Event ${item.id}`, 'zh-Hans': `活动${item.id}` },
      languages: meta.languages,
      proposedBy: meta.hostSide,
      status: 'agreed',
      start: item.start ?? null,
      end: item.end ?? null,
    });
  }
  setItemField(doc, items[0]?.id ?? '', 'place', 'West Lake, north gate; bring water');
  return readItems(doc);
}

/** Parses with ical.js, an independent iCalendar implementation, using the file's own zones. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
}

const shanghai: LegMeta = {
  hostSide: 'B',
  startDate: '2027-07-01',
  endDate: '2027-07-14',
  timeZone: 'Asia/Shanghai',
  languages: ['en', 'zh-Hans'],
};
const newYork: LegMeta = {
  ...shanghai,
  hostSide: 'A',
  startDate: '2027-03-08',
  endDate: '2027-03-21',
  timeZone: 'America/New_York',
};
const calendarOf = (meta: LegMeta, items: ReturnType<typeof legWith>) =>
  legCalendar({
    partnershipId: 'p1',
    meta,
    items,
    audience: 'guests',
    names: new Map(),
    calendarName: 'Lincoln High School hosts 杭州第二中学',
    now: Date.UTC(2026, 10, 24),
  });

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('leg calendars (ICS)', () => {
  for (const serverZone of ['America/New_York', 'UTC']) {
    it(`keep 09:00 in Shanghai at 09:00 in Shanghai, whatever the server's zone (${serverZone})`, () => {
      process.env.TZ = serverZone;
      const text = calendarOf(
        shanghai,
        legWith(shanghai, [
          { id: 'a', date: '2027-07-02', start: '09:00', end: '11:30' },
          { id: 'b', date: '2027-07-03' },
        ]),
      );
      expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20270702T090000');
      const [timed, allDay] = parse(text);
      expect(timed?.startDate.toJSDate().toISOString()).toBe('2027-07-02T01:00:00.000Z');
      expect(timed?.endDate.toJSDate().toISOString()).toBe('2027-07-02T03:30:00.000Z');
      expect(timed?.startDate.zone?.tzid).toBe('Asia/Shanghai');
      expect(timed?.summary).toBe('Event a / 活动a');
      expect(timed?.location).toBe('West Lake, north gate; bring water');
      expect(allDay?.startDate.isDate).toBe(true);
    });
  }

  it('places events right on both sides of a daylight-saving change in the host zone only', () => {
    process.env.TZ = 'Asia/Shanghai';
    // Daylight saving starts in New York on 14 March 2027; Shanghai has none.
    const items = legWith(newYork, [
      { id: 'before', date: '2027-03-13', start: '09:00' },
      { id: 'after', date: '2027-03-15', start: '09:00' },
    ]);
    const [before, after] = parse(calendarOf(newYork, items));
    expect(before?.startDate.toJSDate().toISOString()).toBe('2027-03-13T14:00:00.000Z');
    expect(after?.startDate.toJSDate().toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('gives each item a stable UID, so importing the file again updates the events', () => {
    const items = legWith(shanghai, [{ id: 'a', date: '2027-07-02', start: '09:00' }]);
    const first = parse(calendarOf(shanghai, items));
    const again = parse(calendarOf(shanghai, items));
    expect(first[0]?.uid).toBe('a@p1.tandem');
    expect(again[0]?.uid).toBe(first[0]?.uid);
  });

  it('lets no text, id or zone start a line of its own (RFC 5545 escaping)', () => {
    const items = legWith(shanghai, [
      { id: 'a', date: '2027-07-02', start: '09:00' },
      { id: 'b\r\nATTACH:http://evil.example/x', date: '2027-07-03', start: '09:00' },
    ]);
    const first = items.find((i) => i.id === 'a');
    if (!first) throw new Error('no item a');
    first.title = { en: 'Tea\rORGANIZER:mailto:evil@example.com', 'zh-Hans': '茶\nATTACH:x' };
    first.place = 'Gate\r\nATTACH:y;a,b\\c';
    const text = calendarOf(shanghai, items);
    const lines = text.split(/\r\n|\r|\n/);
    expect(lines.some((l) => /^(ATTACH|ORGANIZER)/.test(l))).toBe(false);
    expect(text).not.toMatch(/\r(?!\n)/);
    const events = parse(text);
    expect(events.map((e) => e.uid)).toEqual(['a@p1.tandem']);
    expect(events[0]?.summary).toBe('Tea\nORGANIZER:mailto:evil@example.com / 茶\nATTACH:x');
    expect(events[0]?.location).toBe('Gate\nATTACH:y;a,b\\c');
    expect(() => calendarOf({ ...shanghai, timeZone: 'Asia/Shanghai\r\nATTACH:z' }, items)).toThrow(
      /time zone/,
    );
    expect(() => calendarOf({ ...shanghai, timeZone: 'Mars/Base' }, items)).toThrow(/time zone/);
  });
});
