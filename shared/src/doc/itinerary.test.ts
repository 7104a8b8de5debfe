import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  itemsOn,
  legDates,
  moveItem,
  placeByTime,
  readItems,
  readMeta,
  seedLeg,
  setItemField,
  setVote,
} from './itinerary';

function leg(): Y.Doc {
  const doc = new Y.Doc();
  seedLeg(doc, {
    hostSide: 'B',
    startDate: '2027-07-01',
    endDate: '2027-07-14',
    timeZone: 'Asia/Shanghai',
    languages: ['en', 'zh-Hans'],
  });
  return doc;
}

const add = (doc: Y.Doc, id: string, date: string | null) =>
  addItem(doc, {
    id,
    date,
    kind: 'group-event',
    title: { en: id },
    languages: ['en', 'zh-Hans'],
    proposedBy: 'B',
    status: 'agreed',
  });

describe('itinerary legs', () => {
  it('places a timed item by its start, leaving untimed items where they are', () => {
    const doc = leg();
    const day = () => itemsOn(readItems(doc), '2027-07-02').map((i) => i.id);
    const timed = (id: string, start: string) => {
      add(doc, id, '2027-07-02');
      setItemField(doc, id, 'start', start);
      placeByTime(doc, id);
    };
    timed('noon', '12:00');
    timed('nine', '09:00');
    add(doc, 'loose', '2027-07-02');
    timed('late', '18:00');
    timed('ten', '10:00');
    expect(day()).toEqual(['nine', 'ten', 'noon', 'late', 'loose']);
    setItemField(doc, 'nine', 'start', '15:00');
    placeByTime(doc, 'nine');
    expect(day()).toEqual(['ten', 'noon', 'nine', 'late', 'loose']);
    // In place already: nothing is written.
    const before = Y.encodeStateVector(doc);
    placeByTime(doc, 'noon');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('spans fourteen days by default, across a month end', () => {
    expect(legDates(readMeta(leg()) ?? { startDate: '', endDate: '' })).toHaveLength(14);
    expect(legDates({ startDate: '2027-07-30', endDate: '2027-08-02' })).toEqual([
      '2027-07-30',
      '2027-07-31',
      '2027-08-01',
      '2027-08-02',
    ]);
  });

  it('orders items within a day and moves them within and between days', () => {
    const doc = leg();
    for (const id of ['a', 'b', 'c']) add(doc, id, '2027-07-02');
    add(doc, 'd', null);
    const day = (date: string | null) => itemsOn(readItems(doc), date).map((i) => i.id);
    expect(day('2027-07-02')).toEqual(['a', 'b', 'c']);
    moveItem(doc, 'c', '2027-07-02', 'a');
    expect(day('2027-07-02')).toEqual(['c', 'a', 'b']);
    moveItem(doc, 'd', '2027-07-02', 'a');
    moveItem(doc, 'b', '2027-07-03', null);
    expect(day('2027-07-02')).toEqual(['c', 'd', 'a']);
    expect(day('2027-07-03')).toEqual(['b']);
    expect(day(null)).toEqual([]);
  });

  it('keeps one order on every copy when two people move items at once', () => {
    const a = leg();
    for (const id of ['x', 'y', 'z']) add(a, id, '2027-07-05');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveItem(a, 'z', '2027-07-05', 'x');
    moveItem(b, 'x', '2027-07-05', null);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ids = (doc: Y.Doc) => itemsOn(readItems(doc), '2027-07-05').map((i) => i.id);
    expect(ids(a)).toEqual(ids(b));
    expect([...ids(a)].sort()).toEqual(['x', 'y', 'z']);
  });

  it('refuses malformed times, kinds and costs, and records votes per member', () => {
    const doc = leg();
    add(doc, 'a', '2027-07-02');
    expect(setItemField(doc, 'a', 'start', '25:00')).toBe(false);
    expect(setItemField(doc, 'a', 'start', '09:00')).toBe(true);
    expect(setItemField(doc, 'a', 'kind', 'party')).toBe(false);
    expect(setItemField(doc, 'a', 'cost', { amount: 'ten', currency: 'CNY' })).toBe(false);
    expect(
      setItemField(doc, 'a', 'cost', { amount: 80, currency: 'CNY', paidBy: 'host-school' }),
    ).toBe(true);
    setVote(doc, 'a', 'm1', 'yes');
    setVote(doc, 'a', 'm2', 'maybe');
    expect(readItems(doc)[0]).toMatchObject({
      start: '09:00',
      kind: 'group-event',
      cost: { amount: 80, currency: 'CNY', paidBy: 'host-school' },
      votes: { m1: 'yes', m2: 'maybe' },
    });
  });
});
