import { translate } from '../i18n/translate';
import { SIDES } from '../people';
import type { AgreementModel, ModelClause, SideValues } from './agreementModel';

/**
 * The agreement model (agreementModel.ts) laid out as blocks of text, labels already in every
 * language of the agreement: the preview and the signed PDF draw these same blocks, so what was
 * previewed is what is signed, word for word.
 */
export type Block =
  /** A clause's number and title, or its text, in one language. */
  | { kind: 'heading'; lang: string; text: string }
  | { kind: 'text'; lang: string; paragraphs: string[] }
  /** A label in every language of the agreement, joined with " / ". */
  | { kind: 'label'; text: string }
  /** A school's list, under its label; each item in the languages it was written in. */
  | { kind: 'items'; label: string; items: { lang: string; text: string }[][]; empty: string }
  /** Rows of cells; the first row is the header. */
  | { kind: 'table'; rows: string[][] };

/** One clause and its blocks. */
export interface ClauseLayout {
  id: string;
  blocks: Block[];
}

type Say = (key: string, values?: Record<string, string | number>) => string;

/** Each distinct wording once, joined with " / " (one language, or the same words in both). */
function inAll(languages: readonly string[], pick: (lang: string) => string): string {
  return [...new Set(languages.map(pick).filter((text) => text !== ''))].join(' / ');
}

function weekdayName(weekday: number, lang: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
}

/** The clauses of the agreement, with their structured answers, as blocks. */
export function layoutAgreement(model: AgreementModel): ClauseLayout[] {
  const { languages, schools } = model;
  const say: Say = (key, values) =>
    inAll(languages, (lang) => translate(lang, 'agreement', key, values));
  const answers = (values: SideValues, show = (v: string) => v) =>
    SIDES.map((side) => (values[side] ? show(values[side]) : say('participants.unanswered')));
  const head = (caption: string) => [caption, ...SIDES.map((side) => schools[side]?.name ?? side)];

  return model.clauses.map((clause, index) => {
    const blocks: Block[] = languages.flatMap((lang): Block[] => [
      {
        kind: 'heading',
        lang,
        text: `${index + 1}. ${clause.title[lang] ?? ''}`,
      },
      {
        kind: 'text',
        lang,
        paragraphs: (clause.text[lang] ?? '').split('\n').filter((line) => line.trim() !== ''),
      },
    ]);
    blocks.push(...structured(model, clause, say, answers, head));
    if (clause.kind === 'roles-communication') blocks.push(...meeting(model, say));
    return { id: clause.id, blocks };
  });
}

function structured(
  model: AgreementModel,
  clause: ModelClause,
  say: Say,
  answers: (values: SideValues, show?: (v: string) => string) => string[],
  head: (caption: string) => string[],
): Block[] {
  const blocks: Block[] = [];
  if (clause.lists) {
    for (const side of SIDES) {
      const school = model.schools[side]?.name ?? side;
      blocks.push({
        kind: 'items',
        label: say('list.sharedBy', { school }),
        items: clause.lists[side].map((item) =>
          Object.entries(item).map(([lang, text]) => ({ lang, text })),
        ),
        empty: say('list.empty'),
      });
    }
  }
  if (clause.participants) {
    blocks.push({ kind: 'label', text: say('participants.caption') });
    blocks.push({
      kind: 'table',
      rows: [
        [...head(''), say('participants.committed')],
        ...clause.participants.map((p) => [
          say(`participants.${p.group}`),
          ...answers(p.feasibility, (v) => say(`participants.${v}`)),
          p.committed ? '✓' : '–',
        ]),
      ],
    });
  }
  if (clause.goals) {
    blocks.push({ kind: 'label', text: say('goals.caption') });
    blocks.push({
      kind: 'table',
      rows: [
        head(''),
        ...clause.goals.map((g) => [say(`goals.${g.stakeholder}`), ...answers(g.answers)]),
      ],
    });
  }
  if (clause.expectations) {
    blocks.push({ kind: 'label', text: say('expectations.caption') });
    blocks.push({
      kind: 'table',
      rows: [
        head(''),
        ...clause.expectations.map((e) => [say(`expectations.${e.topic}`), ...answers(e.answers)]),
      ],
    });
  }
  return blocks;
}

function meeting(model: AgreementModel, say: Say): Block[] {
  const slot = model.meeting;
  if (!slot) return [];
  const rule = inAll(model.languages, (lang) =>
    translate(lang, 'agreement', 'meeting.rule', {
      week: translate(lang, 'agreement', `meeting.weeks.${slot.week}`),
      weekday: weekdayName(slot.weekday, lang),
      time: slot.time,
      zone: slot.timeZone,
    }),
  );
  return [
    { kind: 'label', text: say('meeting.legend') },
    { kind: 'label', text: rule },
    {
      kind: 'table',
      rows: [
        [say('meeting.nextCaption'), say('meeting.zoneHeader')],
        ...SIDES.map((side) => [
          `${model.schools[side]?.name ?? side}: ${slot.next[side]}`,
          model.schools[side]?.timeZone ?? '',
        ]),
      ],
    },
  ];
}
