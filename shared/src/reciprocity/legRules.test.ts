import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta, seedLeg, setChaperones, setItemField } from '../doc/itinerary';
import { chaperonesRule } from './chaperones';
import { freeTimeRule } from './freeTime';
import { guestVoiceRule } from './guestVoice';
import { languagesRule } from './languages';
import { legsRule } from './legs';
import { proposalsRule } from './proposals';
import { sensitiveRule } from './sensitive';
import { input, legDoc } from '../../test/reciprocity';

const keys = (prompts: { key: string }[]) => prompts.map((p) => p.key);

describe('R-legs (P17)', () => {
  it('fires when the legs differ in length, and not for two fresh legs', () => {
    expect(legsRule(input({ legs: { A: legDoc('A'), B: legDoc('B') } }))).toEqual([]);
    expect(
      keys(legsRule(input({ legs: { A: legDoc('A', [], 14), B: legDoc('B', [], 10) } }))),
    ).toEqual(['R-legs:agreement:days']);
    expect(legsRule(input({ legs: { A: legDoc('A'), B: null } }))).toEqual([]);
  });
  it('fires when families pay much more on one leg', () => {
    const a = legDoc('A', [{ id: 'zoo' }]);
    const b = legDoc('B', [{ id: 'tea' }]);
    setItemField(a, 'zoo', 'cost', { amount: 300, currency: 'USD', paidBy: 'guest-family' });
    setItemField(b, 'tea', 'cost', { amount: 50, currency: 'USD', paidBy: 'guest-family' });
    expect(keys(legsRule(input({ legs: { A: a, B: b } })))).toEqual(['R-legs:agreement:cost:USD']);
  });
});

describe('R-free-time (P20)', () => {
  it('fires for a packed day without free time, not for an empty day or a balanced one', () => {
    const busy = legDoc('B', [
      { id: 'a', start: '08:00', end: '12:00' },
      { id: 'b', start: '13:00', end: '18:30' },
    ]);
    expect(freeTimeRule(input({ legs: { A: null, B: busy } }))).toMatchObject([
      { key: 'R-free-time:B/2027-08-01', params: { hours: 9.5, context: 'longNoFree' } },
    ]);
    // A short day without free time says only that; a long one with free time, only that.
    const short = legDoc('B', [{ id: 'a', start: '09:00', end: '10:00' }]);
    expect(freeTimeRule(input({ legs: { A: null, B: short } }))[0]?.params.context).toBe('noFree');
    const long = legDoc('B', [
      { id: 'a', start: '07:00', end: '17:30' },
      { id: 'b', kind: 'free-time' },
    ]);
    expect(freeTimeRule(input({ legs: { A: null, B: long } }))[0]?.params.context).toBe('long');
    const balanced = legDoc('B', [
      { id: 'a', start: '09:00', end: '12:00' },
      { id: 'b', kind: 'host-family' },
    ]);
    expect(freeTimeRule(input({ legs: { A: null, B: balanced } }))).toEqual([]);
  });
  it('is silent for a leg whose dates are missing', () => {
    const doc = new Y.Doc();
    seedLeg(doc, {
      hostSide: 'A',
      startDate: 'soon',
      endDate: '',
      timeZone: 'UTC',
      languages: ['en'],
    });
    expect(readMeta(doc)).toBeNull();
    expect(freeTimeRule(input({ legs: { A: doc, B: null } }))).toEqual([]);
  });
});

describe('R-chaperones (P18, P23)', () => {
  it('wants a teacher and a host parent at every group event', () => {
    const doc = legDoc('A', [{ id: 'game' }, { id: 'rest', kind: 'free-time' }]);
    const members = [
      { id: 't', side: 'A' as const, role: 'teacher' as const },
      { id: 'p', side: 'A' as const, role: 'host-parent' as const },
    ];
    expect(keys(chaperonesRule(input({ legs: { A: doc, B: null }, members })))).toEqual([
      'R-chaperones:A/game',
    ]);
    setChaperones(doc, 'game', ['t']);
    expect(chaperonesRule(input({ legs: { A: doc, B: null }, members }))[0]?.params).toEqual({
      item: 'Item 0',
      date: '2027-07-01',
      context: 'item',
      staff: 1,
      parent: 0,
    });
    setChaperones(doc, 'game', ['t', 'p']);
    expect(chaperonesRule(input({ legs: { A: doc, B: null }, members }))).toEqual([]);
  });
});

describe('R-proposals (P19) and R-guest-voice (P3, P9)', () => {
  it('fires when one side proposed everything, not once the other side has a say', () => {
    const doc = legDoc('A', [{ id: '1' }, { id: '2' }, { id: '3' }]);
    expect(proposalsRule(input({ legs: { A: doc, B: null } }))[0]?.params).toEqual({
      leg: 'A',
      only: 'A',
      ask: 'B',
    });
    const mixed = legDoc('A', [{ id: '1' }, { id: '2' }, { id: '3', proposedBy: 'B' }]);
    expect(proposalsRule(input({ legs: { A: mixed, B: null } }))).toEqual([]);
    expect(proposalsRule(input({ legs: { A: legDoc('A', [{ id: '1' }]), B: null } }))).toEqual([]);
  });
  it('fires for a leg where guests never share their culture', () => {
    const doc = legDoc('B', [{ id: 'tea' }]);
    expect(keys(guestVoiceRule(input({ legs: { A: null, B: doc } })))).toEqual(['R-guest-voice:B']);
    setItemField(doc, 'tea', 'guestsShare', true);
    expect(guestVoiceRule(input({ legs: { A: null, B: doc } }))).toEqual([]);
    expect(guestVoiceRule(input({ legs: { A: null, B: legDoc('B') } }))).toEqual([]);
  });
});

describe('R-language-missing on items, and R-sensitive', () => {
  it('fires for an item titled in one language only', () => {
    const doc = legDoc('A', [{ id: 'x', title: { en: 'Zoo' } }]);
    expect(keys(languagesRule(input({ legs: { A: doc, B: null } })))).toEqual([
      'R-language-missing:A/x',
    ]);
  });
  it('fires for free text that looks like health data, and not for plans', () => {
    const doc = legDoc('A', [{ id: 'x', title: { en: 'Zoo', 'zh-Hans': '动物园' } }]);
    expect(sensitiveRule(input({ legs: { A: doc, B: null } }))).toEqual([]);
    setItemField(doc, 'x', 'place', 'Mei needs her asthma inhaler');
    expect(sensitiveRule(input({ legs: { A: doc, B: null } }))[0]?.params).toEqual({
      item: 'Zoo',
      date: '2027-07-01',
      context: 'item',
      kinds: 'health',
    });
  });
});
