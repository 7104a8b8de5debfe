import * as Y from 'yjs';
import type { Side } from '../people';
import type { DocumentName } from './documents';
import { EXPECTATIONS, PARTICIPANT_GROUPS, STAKEHOLDERS } from './agreementSchema';
import { ITEM_KINDS, ITEM_STATUSES, isPlainDate } from './itinerary';
import { AT, type Write } from './writes';

/**
 * Who may write what, down to the field, in each document (the server applies these to every
 * update a connection sends, see writes.ts). Each school writes only its own parts:
 *
 * - Agreement: `meta` (titles, languages, prevailing version) only through the server. The
 *   language columns `c/<clause>/<lang>` exist only for the two schools' languages, and each
 *   school writes the column of its own language (P10: everyone writes in their own language;
 *   when both schools share one, both write it); clause titles likewise, except that a new
 *   clause is named in its author's viewing language. A clause's kind, author and guiding questions
 *   are set once, by its author. Each side writes only its own answers (`answers/<topic>/<side>`)
 *   and its own reciprocal list (`lists/<clause>/<side>`, items `by` itself, P3), to whose items
 *   the other school may add the wording in its own language (P10); the shared
 *   commitment per group and the meeting slot are both schools'.
 * - Itinerary leg: `meta` only through the server, but for the leg's dates. Items are created with `proposedBy` the
 *   writer's side and empty votes; votes change only through the API; `proposedBy` never
 *   changes; statuses and kinds come from their vocabularies. No other field exists (P23:
 *   nothing for health, diet, addresses or vetting).
 * - Threads: comments only in one's own name; only authors edit or delete theirs; a thread's
 *   subject, author and proposal text never change; only editors of the discussed document
 *   decide proposals, and nobody makes or decides one while the agreement is frozen; resolving is in one's own name; nothing is removed outright.
 *
 * Anything not named here, a top-level type or a key, is refused.
 */

/** Who sends an update. */
export interface Writer {
  memberId: string;
  side: Side;
  /** The partnership's content languages (the agreement's columns, a leg's languages). */
  languages: readonly string[];
  /** The writer's own school's language: the agreement column that school writes (P10). */
  ownLanguage: string;
  /** In a threads document: whether the writer edits the discussed document. */
  mayDecide: boolean;
  /** In a threads document: whether new proposals may be made (not while the agreement is frozen). */
  mayPropose: boolean;
}

/** The document kinds that have write rules. */
export type RuledDocument = 'agreement' | 'itinerary' | 'threads';

/** Which rules a partnership's document follows; null for the server-only `status`. */
export function ruledDocumentOf(document: DocumentName): RuledDocument | null {
  if (document.endsWith('.threads')) return 'threads';
  if (document === 'agreement') return 'agreement';
  return document.startsWith('itinerary.') ? 'itinerary' : null;
}

/** What is wrong with one write, or null when it is allowed. */
type Rule = (write: Write, who: Writer) => string | null;

const SIDES_SET: ReadonlySet<string> = new Set(['A', 'B']);
/** Ids go into calendar UIDs, links and logs: a conservative alphabet. */
const ID = /^[\w-]{1,64}$/;
const ok = null;

const isType = (write: Write, kind: string) => !write.isDelete && write.value.kind === kind;
const valueOf = (write: Write): unknown =>
  write.value.kind === 'value' ? write.value.value : undefined;
const isString = (write: Write, max = 10_000) =>
  write.isDelete || (typeof valueOf(write) === 'string' && String(valueOf(write)).length <= max);
/** A field set once, when its container is made in the same update. */
const once = (write: Write, check = true) =>
  write.isInNewContainer && !write.isDelete && check ? ok : `${write.path.join('/')} is set once`;
const field = (container: unknown, key: string): unknown =>
  container instanceof Y.Map ? (container as Y.Map<unknown>).get(key) : undefined;

const agreementRule: Rule = (write, who) => {
  const [root, a, b, c, d, e] = write.path;
  const where = write.path.join('/');
  if (root === undefined) return 'no path';
  const column = /^c\/[\w-]{1,64}\/([\w-]{1,20})$/.exec(root);
  if (column) {
    const lang = column[1] ?? '';
    if (!who.languages.includes(lang)) return `no column in ${lang}`;
    return lang === who.ownLanguage ? ok : "the other school's language version";
  }
  switch (root) {
    case 'order':
      return write.path.length === 2 && a === AT && isString(write, 64) ? ok : where;
    case 'clauses':
      if (write.path.length === 2) {
        if (!ID.test(a ?? '')) return 'a clause id is letters, digits, - and _';
        return isType(write, 'map') && !isExisting(write) ? ok : 'clauses are never replaced';
      }
      if (b === 'kind' || b === 'createdAt' || b === 'guide') return once(write);
      if (b === 'createdBy') return once(write, valueOf(write) === who.memberId);
      if (b === 'title' && write.path.length === 3) return once(write, isType(write, 'map'));
      if (b === 'title' && write.path.length === 4) {
        // A new clause is named in the viewer's language; later each school names it in its own.
        const isNaming = write.isInNewContainer
          ? who.languages.includes(c ?? '')
          : c === who.ownLanguage;
        return isNaming && isString(write, 500) ? ok : where;
      }
      return where;
    case 'lists': {
      if (write.path.length === 2) return once({ ...write, isInNewContainer: !isExisting(write) });
      if (write.path.length === 3) return once(write);
      const isWording = write.path.length === 6 && c === AT && d === 'text';
      if (b !== who.side) {
        // The other school adds (or mends) its own wording of an existing item, nothing else.
        const isOwnWording = isWording && e === who.ownLanguage && !write.isInNewContainer;
        return isOwnWording && isString(write, 2000) ? ok : "another school's list";
      }
      if (write.path.length === 4) return c === AT ? ok : where;
      if (isWording) {
        return who.languages.includes(e ?? '') && isString(write, 2000) ? ok : `no wording in ${e}`;
      }
      if (d === 'id' || d === 'text') return write.path.length === 5 ? ok : where;
      if (d === 'by' && write.path.length === 5)
        return once(write, valueOf(write) === who.memberId);
      return where;
    }
    case 'answers':
      return answerRule(write, who, [a, b, c, d, e]);
    default:
      return `${root} is not part of an agreement`;
  }
};

function answerRule(write: Write, who: Writer, [topic, side, key, deeper]: (string | undefined)[]) {
  const where = write.path.join('/');
  if (topic === 'meeting') {
    const isField = ['week', 'weekday', 'time', 'timeZone'].includes(side ?? '');
    return write.path.length === 3 && isField ? ok : where;
  }
  const vocabulary =
    topic === 'participants'
      ? PARTICIPANT_GROUPS
      : topic === 'goals'
        ? STAKEHOLDERS
        : topic === 'expectations'
          ? EXPECTATIONS
          : null;
  if (!vocabulary || write.path.length < 4 || deeper !== undefined) return where;
  if (!(vocabulary as readonly string[]).includes(key ?? '')) return where;
  if (topic === 'participants' && side === 'committed') return ok;
  if (!SIDES_SET.has(side ?? '')) return where;
  return side === who.side ? ok : "another school's answers";
}

const ITEM_FIELDS = new Set([
  'date',
  'start',
  'end',
  'kind',
  'title',
  'notes',
  'place',
  'chaperones',
  'learningGoal',
  'cost',
  'status',
  'proposedBy',
  'votes',
  'order',
  'guestsShare',
]);

const itineraryRule: Rule = (write, who) => {
  const [root, itemId, key, lang] = write.path;
  const where = write.path.join('/');
  if (root === 'meta') {
    // The host side sets its leg's dates; its host, zone and languages are the server's.
    const isDate = write.isDelete || isPlainDate(valueOf(write));
    return (itemId === 'startDate' || itemId === 'endDate') && write.path.length === 2 && isDate
      ? ok
      : `${where} changes only through the server`;
  }
  if (root !== 'items') return `${root ?? ''} is not part of an itinerary`;
  if (write.path.length === 2) {
    if (write.isDelete) return ok;
    if (!ID.test(itemId ?? '')) return 'an item id is letters, digits, - and _';
    return isType(write, 'map') && !isExisting(write) ? ok : 'items are never replaced';
  }
  if (!itemId || !key || !ITEM_FIELDS.has(key)) return `${where} is not an itinerary field`;
  switch (key) {
    case 'proposedBy':
      return once(write, valueOf(write) === who.side);
    case 'votes':
      // Votes go through the API, which checks who votes (P19).
      return write.path.length === 3
        ? once(write, isType(write, 'map'))
        : 'votes change through the API';
    case 'status':
      return write.isDelete || (ITEM_STATUSES as readonly unknown[]).includes(valueOf(write))
        ? ok
        : 'not a status';
    case 'kind':
      return write.isDelete || (ITEM_KINDS as readonly unknown[]).includes(valueOf(write))
        ? ok
        : 'not a kind';
    case 'title':
    case 'notes':
      if (write.path.length === 3) return once(write, isType(write, 'map'));
      return lang !== undefined && who.languages.includes(lang) ? ok : `no ${key} in ${lang ?? ''}`;
    case 'chaperones':
      return write.path.length === 3 ? once(write) : isString(write, 64) ? ok : where;
    default:
      return write.path.length === 3 ? ok : where;
  }
};

const THREAD_SET_ONCE = new Set(['target', 'createdBy', 'createdAt', 'kind', 'comments']);
const COMMENT_SET_ONCE = new Set(['id', 'authorId', 'createdAt', 'timeZone']);
const COMMENT_EDITABLE = new Set(['body', 'mentions', 'editedAt', 'deletedAt']);

const threadsRule: Rule = (write, who) => {
  const [root, threadId, key, , commentKey] = write.path;
  if (root !== 'threads') return `${root ?? ''} is not part of a threads document`;
  const isComment = key === 'comments' && write.path.length === 4;
  if (write.isDelete && (write.path.length === 2 || isComment)) {
    return 'threads and comments are never removed';
  }
  if (write.path.length === 2) {
    if (!ID.test(threadId ?? '')) return 'a thread id is letters, digits, - and _';
    return isType(write, 'map') && !isExisting(write) ? ok : 'threads are never replaced';
  }
  if (!threadId || !key) return 'no thread';
  if (key === 'createdBy') return once(write, valueOf(write) === who.memberId);
  if (THREAD_SET_ONCE.has(key) && write.path.length === 3) return once(write);
  if (key === 'anchor' || key === 'resolved' || key === 'resolvedAt') {
    return write.path.length === 3 ? ok : 'no such field';
  }
  if (key === 'resolvedBy') {
    const by = valueOf(write);
    return write.isDelete || by === null || by === who.memberId ? ok : 'resolved in another name';
  }
  if (key === 'proposal' && write.path.length === 3) return proposalProblem(write, who);
  if (key === 'comments' && write.path.length === 4) return ok;
  if (key === 'comments' && write.path.length === 5 && commentKey) {
    if (commentKey === 'authorId') return once(write, valueOf(write) === who.memberId);
    if (COMMENT_SET_ONCE.has(commentKey)) return once(write);
    if (!COMMENT_EDITABLE.has(commentKey)) return `${commentKey} is not a comment field`;
    if (write.isInNewContainer) return ok;
    return field(write.container, 'authorId') === who.memberId ? ok : "another member's comment";
  }
  return `${write.path.join('/')} is not a thread field`;
};

function proposalProblem(write: Write, who: Writer): string | null {
  if (write.isInNewContainer) return who.mayPropose ? ok : 'no new proposals while frozen';
  if (write.isDelete) return ok; // the old value, replaced by the write judged below
  const before = field(write.container, 'proposal') as Record<string, unknown> | undefined;
  const after = valueOf(write) as Record<string, unknown> | undefined;
  if (typeof after !== 'object' || after === null) return 'not a proposal';
  if (before?.text !== after.text || before?.baseHash !== after.baseHash) {
    return 'a proposal changed its text';
  }
  return before?.state === after.state || who.mayDecide
    ? ok
    : 'a proposal decided by someone who does not edit the document';
}

/** Whether a map key already holds a value in the document. */
function isExisting(write: Write): boolean {
  const key = write.path.at(-1);
  return key !== undefined && write.container instanceof Y.Map && write.container.has(key);
}

const RULES: Record<RuledDocument, Rule> = {
  agreement: agreementRule,
  itinerary: itineraryRule,
  threads: threadsRule,
};

/** The first thing wrong with the writes of one update, or null when all are allowed. */
export function writeProblem(
  document: RuledDocument,
  writes: readonly Write[],
  who: Writer,
): string | null {
  const rule = RULES[document];
  for (const write of writes) {
    const problem = rule(write, who);
    if (problem) return problem;
  }
  return null;
}
