import * as Y from 'yjs';
import { SIDES } from '../people';
import type { DocumentName } from './documents';
import { STATUS_TYPE_NAMES } from './status';
import { ruledDocumentOf, writeProblem } from './writeRules';
import { UnreadableUpdateError, type Write, writesOf } from './writes';

/**
 * Whether a whole document is one Tandem's clients and server could have written: every value
 * in it, read as one update into an empty document, passes the write rules for some member of
 * one of the two schools, or is one of the few fields only the server writes (seeding, the
 * agreement's and legs' meta, votes, the status document). Who wrote what is not judged here
 * (a document carries no authorship); what exists is. It is how a partnership archive from
 * another server is checked before import: no field the editor never writes, no health or
 * address field, gets in that way.
 */

/** The fields the server writes itself, which no member's update may. */
const AGREEMENT_META = new Set(['title', 'languages', 'schemaVersion', 'prevailing']);
const ANSWER_TOPICS = new Set(['participants', 'goals', 'expectations', 'meeting']);
const LEG_META = new Set(['hostSide', 'startDate', 'endDate', 'timeZone', 'languages']);
const STATUS_TYPES: ReadonlySet<string> = new Set(STATUS_TYPE_NAMES);
const SIDE_KEYS: ReadonlySet<string> = new Set(SIDES);

function isServerWrite(ruled: 'agreement' | 'itinerary', write: Write): boolean {
  const [root, a, b, c] = write.path;
  const length = write.path.length;
  if (ruled === 'agreement') {
    if (root === 'meta') return AGREEMENT_META.has(a ?? '') && (length === 2 || a === 'title');
    if (root !== 'answers' || !ANSWER_TOPICS.has(a ?? '')) return false;
    // The answer maps the template seeds: one per topic, one per side (and the shared one).
    return length === 2 || (length === 3 && (SIDE_KEYS.has(b ?? '') || b === 'committed'));
  }
  if (root === 'meta') return LEG_META.has(a ?? '') && length === 2;
  // Votes, per member, are set by the API (P19).
  const isVote =
    write.isDelete || (write.value.kind === 'value' && typeof write.value.value === 'string');
  return root === 'items' && b === 'votes' && length === 4 && c !== undefined && isVote;
}

/** The ids a write may need its writer to have: the one it writes, the author it edits. */
function identitiesFor(write: Write): string[] {
  const ids = new Set<string>(['someone']);
  if (write.value.kind === 'value' && typeof write.value.value === 'string') {
    ids.add(write.value.value);
  }
  if (write.container instanceof Y.Map) {
    const author: unknown = write.container.get('authorId');
    if (typeof author === 'string') ids.add(author);
  }
  return [...ids];
}

/**
 * Everything in `doc` as writes: every item ever written, deleted ones included (their values
 * are still stored). Deletions themselves add nothing to a document, so they are not judged.
 */
function wholeWrites(doc: Y.Doc): Write[] {
  const source = new Y.Doc({ gc: false });
  Y.applyUpdate(source, Y.encodeStateAsUpdate(doc));
  const sv = Y.decodeStateVector(Y.encodeStateVector(source));
  const written = Y.createDocFromSnapshot(source, Y.createSnapshot(Y.createDeleteSet(), sv));
  return writesOf(new Y.Doc(), Y.encodeStateAsUpdate(written));
}

/**
 * The first thing in `doc` no client or server of Tandem writes, or null. `languages` are the
 * two schools' languages, side A's first.
 */
export function documentShapeProblem(
  document: DocumentName,
  doc: Y.Doc,
  languages: { A: string; B: string },
): string | null {
  const ruled = ruledDocumentOf(document);
  let writes: Write[];
  try {
    writes = wholeWrites(doc);
  } catch (error) {
    if (error instanceof UnreadableUpdateError) return error.message;
    throw error;
  }
  if (!ruled) {
    const stray = writes.find((w) => !STATUS_TYPES.has(w.path[0] ?? ''));
    return stray ? `${stray.path.join('/')} is not part of the status document` : null;
  }
  const contentLanguages = [...new Set([languages.A, languages.B])];
  for (const write of writes) {
    // Deletions and collected content add nothing to a document.
    if (write.isDelete || write.value.kind === 'deleted') continue;
    if (ruled !== 'threads' && isServerWrite(ruled, write)) continue;
    let problem: string | null = null;
    const somebodyMay = SIDES.some((side) =>
      identitiesFor(write).some((memberId) => {
        problem = writeProblem(ruled, [write], {
          memberId,
          side,
          languages: contentLanguages,
          ownLanguage: languages[side],
          mayDecide: true,
          mayPropose: true,
        });
        return problem === null;
      }),
    );
    if (!somebodyMay) return problem ?? write.path.join('/');
  }
  return null;
}
