import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems, readMeta, seedLeg, setItemField } from './itinerary';
import { legSummary } from './legSummary';

describe('legSummary', () => {
  it('counts days, group events, free hours, proposals per side and family cost', () => {
    const doc = new Y.Doc();
    seedLeg(doc, {
      hostSide: 'A',
      startDate: '2027-07-01',
      endDate: '2027-07-14',
      timeZone: 'America/New_York',
      languages: ['en'],
    });
    const add = (
      id: string,
      kind: 'group-event' | 'free-time',
      proposedBy: 'A' | 'B',
      start?: string,
      end?: string,
    ) =>
      addItem(doc, {
        id,
        date: '2027-07-02',
        kind,
        title: { en: id },
        languages: ['en'],
        proposedBy,
        status: 'agreed',
        start,
        end,
      });
    add('zoo', 'group-event', 'A');
    add('game', 'group-event', 'B');
    add('rest', 'free-time', 'A', '14:00', '17:30');
    setItemField(doc, 'zoo', 'cost', { amount: 30, currency: 'USD', paidBy: 'guest-family' });
    setItemField(doc, 'game', 'cost', { amount: 100, currency: 'USD', paidBy: 'host-school' });
    setItemField(doc, 'game', 'status', 'dropped');
    const meta = readMeta(doc);
    if (!meta) throw new Error('no meta');
    expect(legSummary(meta, readItems(doc))).toEqual({
      days: 14,
      groupEvents: 1,
      freeHours: 3.5,
      freeItems: 1,
      proposedBy: { A: 2, B: 0 },
      familyCost: { USD: 30 },
    });
  });
});
