import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  committedGroups,
  meetingSlot,
  setListItemText,
  sideAnswers,
} from '../doc/answers';
import { blocksSigning } from './index';
import { setAlignment } from '../doc/status';
import { currentVersions } from '../doc/clauseStatus';
import { authorshipRule } from './authorship';
import { continuityRule } from './continuity';
import { culturalRule } from './cultural';
import { expectationsRule } from './expectations';
import { flexibleRule } from './flexible';
import { goalsRule } from './goals';
import { languagesRule } from './languages';
import { meetingRule } from './meeting';
import { participantsRule } from './participants';
import { agreementDoc, input, write } from '../../test/reciprocity';

const ids = (prompts: { key: string }[]) => prompts.map((p) => p.key);

describe('R-cultural (P3, P9)', () => {
  const add = (doc: Y.Doc, side: 'A' | 'B', n: number) => {
    for (let i = 0; i < n; i++) {
      addListItem(doc, 'cultural-exchange', side, {
        id: `${side}${i}`,
        lang: 'en',
        text: `x${i}`,
        by: 'm',
      });
    }
  };
  it('fires when one side shares nothing, or under half the other', () => {
    const doc = agreementDoc();
    add(doc, 'A', 3);
    expect(culturalRule(input({ agreement: doc }))[0]).toMatchObject({
      key: 'R-cultural:cultural-exchange',
      params: { fewer: 'B', moreCount: 3 },
    });
    add(doc, 'B', 1);
    expect(culturalRule(input({ agreement: doc }))).toHaveLength(1);
  });
  it('is silent for empty lists, balanced lists and documents not loaded yet', () => {
    const doc = agreementDoc();
    expect(culturalRule(input({ agreement: doc }))).toEqual([]);
    add(doc, 'A', 3);
    add(doc, 'B', 2);
    expect(culturalRule(input({ agreement: doc }))).toEqual([]);
    expect(culturalRule(input())).toEqual([]);
  });
});

describe('R-participants (P2) and R-goals (P6) and R-expectations (P15)', () => {
  it('fires for a committed group one side cannot support, not for an uncommitted one', () => {
    const doc = agreementDoc();
    sideAnswers(doc, 'participants', 'B')?.set('teachers', 'not-feasible');
    expect(participantsRule(input({ agreement: doc }))).toEqual([]);
    committedGroups(doc)?.set('teachers', true);
    expect(ids(participantsRule(input({ agreement: doc })))).toEqual([
      'R-participants:participants:teachers:B',
    ]);
    sideAnswers(doc, 'participants', 'B')?.set('teachers', 'feasible');
    expect(participantsRule(input({ agreement: doc }))).toEqual([]);
  });
  it('fires for goals on one side only, and for unanswered expectations', () => {
    const doc = agreementDoc();
    expect(goalsRule(input({ agreement: doc }))).toEqual([]);
    sideAnswers(doc, 'goals', 'A')?.set('students', 'Learn Chinese');
    expect(goalsRule(input({ agreement: doc }))[0]?.params).toEqual({
      stakeholder: 'students',
      missing: 'B',
    });
    sideAnswers(doc, 'goals', 'B')?.set('students', '提高英语');
    expect(goalsRule(input({ agreement: doc }))).toEqual([]);
    expect(ids(expectationsRule(input({ agreement: doc })))).toEqual([
      'R-expectations:roles-communication:A',
      'R-expectations:roles-communication:B',
    ]);
    // The questions live in the roles-and-communication clause: the prompt points there.
    expect(expectationsRule(input({ agreement: doc }))[0]?.target).toEqual({
      kind: 'clause',
      clauseId: 'roles-communication',
    });
    for (const q of ['time', 'time-difference', 'internet', 'language'])
      sideAnswers(doc, 'expectations', 'A')?.set(q, 'ok');
    expect(ids(expectationsRule(input({ agreement: doc })))).toEqual([
      'R-expectations:roles-communication:B',
    ]);
  });
});

describe('R-authorship (P1, P9)', () => {
  it('fires past 75 % for one side, and not while the text is young', () => {
    expect(authorshipRule(input({ authorship: { A: 900, B: 100 } }))[0]?.params).toEqual({
      side: 'A',
      percent: 90,
    });
    expect(authorshipRule(input({ authorship: { A: 700, B: 300 } }))).toEqual([]);
    expect(authorshipRule(input({ authorship: { A: 36, B: 3 } }))).toEqual([]);
    expect(authorshipRule(input())).toEqual([]);
  });
});

describe('R-drift and R-language-missing (P10)', () => {
  it('fires for a clause in one language, then for drift after alignment, and blocks signing', () => {
    const doc = agreementDoc();
    const status = new Y.Doc();
    write(doc, 'purpose', 'en', 'We learn together.');
    expect(languagesRule(input({ agreement: doc, status }))).toMatchObject([
      { key: 'R-language-missing:purpose', severity: 'blocking', params: { language: 'zh-Hans' } },
    ]);
    write(doc, 'purpose', 'zh-Hans', '我们一起学习。');
    expect(languagesRule(input({ agreement: doc, status }))).toEqual([]);
    const versions = currentVersions(doc, 'purpose');
    setAlignment(status, 'purpose', {
      versions: Object.fromEntries(
        Object.entries(versions).map(([l, v]) => [l, { hash: v.hash ?? '', text: v.text }]),
      ),
      by: 'm',
      at: 0,
    });
    write(doc, 'purpose', 'en', 'We learn together, always.');
    expect(languagesRule(input({ agreement: doc, status }))).toMatchObject([
      { id: 'R-drift', params: { language: 'zh-Hans' } },
    ]);
  });
  it('counts a list item worded in one language until the other school words it', () => {
    const doc = agreementDoc();
    addListItem(doc, 'cultural-exchange', 'B', {
      id: 'b1',
      lang: 'zh-Hans',
      text: '春节包饺子',
      by: 'm',
    });
    const prompts = languagesRule(input({ agreement: doc, status: new Y.Doc() }));
    expect(prompts).toMatchObject([
      {
        key: 'R-language-missing:cultural-exchange:list:b1',
        severity: 'warning',
        target: { kind: 'clause', clauseId: 'cultural-exchange' },
        params: { language: 'en', item: '春节包饺子', context: 'listItem' },
      },
    ]);
    // A warning: signing does not wait for it.
    expect(blocksSigning(prompts)).toBe(false);
    setListItemText(doc, 'cultural-exchange', 'B', 'b1', 'en', 'Making dumplings at New Year');
    expect(languagesRule(input({ agreement: doc, status: new Y.Doc() }))).toEqual([]);
  });
  it('is silent for an agreement in one language only', () => {
    const doc = agreementDoc(['en']);
    write(doc, 'purpose', 'en', 'One language.');
    expect(languagesRule(input({ agreement: doc, status: new Y.Doc() }))).toEqual([]);
  });
});

describe('R-flexible (P4, P5)', () => {
  it('fires for a clause full of head counts and dates, not for broad goals', () => {
    const doc = agreementDoc();
    write(
      doc,
      'participants',
      'en',
      '24 students and 3 teachers travel on 1 July 2027 for 14 days.',
    );
    expect(ids(flexibleRule(input({ agreement: doc })))).toEqual(['R-flexible:participants']);
    write(doc, 'participants', 'en', 'Students and teachers of both schools, as each can support.');
    expect(flexibleRule(input({ agreement: doc }))).toEqual([]);
  });
});

describe('R-continuity (P13, P14)', () => {
  it('fires for a side with one staff member or no leader', () => {
    const members = [
      { id: '1', side: 'A' as const, role: 'coordinator' as const },
      { id: '2', side: 'A' as const, role: 'leader' as const },
      { id: '3', side: 'B' as const, role: 'coordinator' as const },
      { id: '4', side: 'B' as const, role: 'host-parent' as const },
    ];
    expect(ids(continuityRule(input({ members })))).toEqual(['R-continuity:B']);
  });
});

describe('R-meeting (P12)', () => {
  const slot = (doc: Y.Doc, time: string, timeZone: string) => {
    const map = meetingSlot(doc);
    map?.set('week', 'first');
    map?.set('weekday', 2);
    map?.set('time', time);
    map?.set('timeZone', timeZone);
  };
  it('fires when the slot is outside 07:00–21:00 for a side, and not before it is complete', () => {
    const doc = agreementDoc();
    expect(meetingRule(input({ agreement: doc }))).toEqual([]);
    slot(doc, '10:00', 'America/New_York'); // 22:00 or 23:00 in Shanghai
    expect(meetingRule(input({ agreement: doc }))).toMatchObject([
      { key: 'R-meeting:roles-communication:B', params: { count: 12 } },
    ]);
    slot(doc, '19:30', 'America/New_York'); // 07:30 or 08:30 next morning in Shanghai
    expect(meetingRule(input({ agreement: doc }))).toEqual([]);
  });
  it('catches the months that daylight saving pushes out of hours', () => {
    const doc = agreementDoc();
    // 18:30 in New York is 07:30 in Shanghai in winter but 06:30 in summer (daylight time).
    slot(doc, '18:30', 'America/New_York');
    const [fired] = meetingRule(input({ agreement: doc }));
    expect(fired?.params.side).toBe('B');
    expect(fired?.params.count).toBeGreaterThan(3);
    expect(fired?.params.count).toBeLessThan(12);
  });
});
