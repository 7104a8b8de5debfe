import * as Y from 'yjs';

/**
 * The agreement document's schema (shared/README.md, Documents): its field names and the vocabularies
 * of its structured answers. The only place that names its top-level types (the lint rule in eslint.config.js).
 */

/** The kinds of clause the template seeds, from shared/DOMAIN.md's agreement points. */
export const TEMPLATE_KINDS = [
  'purpose',
  'goals',
  'participants',
  'cultural-exchange',
  'activities',
  'roles-communication',
  'finance',
  'safeguarding-data',
  'evaluation-review',
  'duration-amendment',
  'language-versions',
  'signatures',
] as const;
/** A kind the template seeds. */
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** Every clause kind: the template's, and `custom` for clauses people add. */
export const CLAUSE_KINDS = [...TEMPLATE_KINDS, 'custom'] as const;
/** One kind of clause. */
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** Participant groups whose feasibility each side states (P2). */
export const PARTICIPANT_GROUPS = ['students', 'teachers', 'administrators'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];
/** How a side answers "can you really support this group?" (P2). */
export const FEASIBILITY = ['feasible', 'unsure', 'not-feasible'] as const;
export type Feasibility = (typeof FEASIBILITY)[number];

/** Stakeholders with goals per side (P6). */
export const STAKEHOLDERS = ['students', 'teachers', 'leaders'] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];

/** Expectations each side answers early (P15). */
export const EXPECTATIONS = ['time', 'time-difference', 'internet', 'language'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

/** The week of the month of the monthly meeting (P12). */
export const MEETING_WEEKS = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type MeetingWeek = (typeof MEETING_WEEKS)[number];

/** Which clause kind carries which structured answers. */
export const ANSWERS_OF_KIND: Partial<
  Record<ClauseKind, 'participants' | 'goals' | 'expectations'>
> = {
  participants: 'participants',
  goals: 'goals',
  'roles-communication': 'expectations',
};
/** Clause kinds that carry a reciprocal list (P3): what each side will share. */
export const LIST_KINDS: readonly ClauseKind[] = ['cultural-exchange', 'activities'];

/** The top-level types of an agreement document. */
export function agreementRoot(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    order: doc.getArray<string>('order'),
    clauses: doc.getMap<unknown>('clauses'),
    lists: doc.getMap<unknown>('lists'),
    answers: doc.getMap<unknown>('answers'),
  };
}

/** Texts per language, e.g. titles or guiding questions. */
export type Texts = Readonly<Record<string, string>>;

/** A Y.Map of texts per language. */
export function textsMap(texts: Texts): Y.Map<string> {
  const map = new Y.Map<string>();
  for (const [lang, text] of Object.entries(texts)) map.set(lang, text);
  return map;
}

/** The nested map at `key`, if that is what is there. */
export function mapAt(map: Y.Map<unknown> | undefined, key: string): Y.Map<unknown> | undefined {
  const value = map?.get(key);
  return value instanceof Y.Map ? value : undefined;
}
