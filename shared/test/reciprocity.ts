import * as Y from 'yjs';
import { getClauseText } from '../src/doc/agreement';
import { addItem, type NewItem, seedLeg } from '../src/doc/itinerary';
import { seedAgreement } from '../src/doc/template';
import type { Side } from '../src/people';
import type { PromptInput } from '../src/reciprocity/prompt';

/** Builders for rule tests: a seeded agreement, legs, members, and text in a clause. */
export function agreementDoc(languages: string[] = ['en', 'zh-Hans']): Y.Doc {
  const doc = new Y.Doc();
  seedAgreement(doc, languages, 0);
  return doc;
}

export function write(doc: Y.Doc, clauseId: string, lang: string, text: string): void {
  const fragment = getClauseText(doc, clauseId, lang);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [p]);
  });
}

export function legDoc(
  hostSide: Side,
  items: Partial<NewItem & { id: string }>[] = [],
  days = 14,
): Y.Doc {
  const doc = new Y.Doc();
  const start = hostSide === 'A' ? '2027-07-01' : '2027-08-01';
  const end = new Date(Date.UTC(2027, hostSide === 'A' ? 6 : 7, days)).toISOString().slice(0, 10);
  seedLeg(doc, {
    hostSide,
    startDate: start,
    endDate: end,
    timeZone: hostSide === 'A' ? 'America/New_York' : 'Asia/Shanghai',
    languages: ['en', 'zh-Hans'],
  });
  items.forEach((item, i) =>
    addItem(doc, {
      id: item.id ?? `i${i}`,
      date: item.date === undefined ? start : item.date,
      kind: item.kind ?? 'group-event',
      title: item.title ?? { en: `Item ${i}`, 'zh-Hans': `项目${i}` },
      languages: ['en', 'zh-Hans'],
      proposedBy: item.proposedBy ?? hostSide,
      status: item.status ?? 'agreed',
      start: item.start ?? null,
      end: item.end ?? null,
    }),
  );
  return doc;
}

export function input(overrides: Partial<PromptInput> = {}): PromptInput {
  return {
    agreement: null,
    status: null,
    legs: { A: null, B: null },
    sides: {
      A: {
        name: 'Lincoln',
        timeZone: 'America/New_York',
        schoolHours: { start: '08:00', end: '15:00' },
      },
      B: {
        name: '杭州二中',
        timeZone: 'Asia/Shanghai',
        schoolHours: { start: '07:30', end: '17:00' },
      },
    },
    members: [],
    authorship: null,
    now: Date.UTC(2026, 10, 24),
    ...overrides,
  };
}
