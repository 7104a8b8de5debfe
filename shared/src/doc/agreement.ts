import * as Y from 'yjs';
import { SIDES } from '../people';

import {
  agreementRoot as root,
  CLAUSE_KINDS,
  type ClauseKind,
  LIST_KINDS,
  mapAt,
  textsMap,
  type Texts,
} from './agreementSchema';

/** Clauses of the agreement document: read, add, rename, move, remove (shared/README.md, Documents). */

/** The top-level types, for observing the whole agreement. */
export function agreementTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const { meta, order, clauses, lists, answers } = root(doc);
  return [meta, order, clauses, lists, answers] as Y.AbstractType<unknown>[];
}

/**
 * The rich text of one clause in one language: `c/<clauseId>/<lang>`, bound to one Tiptap editor.
 */
export function getClauseText(doc: Y.Doc, clauseId: string, lang: string): Y.XmlFragment {
  return doc.getXmlFragment(`c/${clauseId}/${lang}`);
}

/** Whether the server has seeded this document (it never is empty afterwards). */
export function isSeeded(doc: Y.Doc): boolean {
  return root(doc).meta.has('schemaVersion');
}

/** The two content languages, side A's first; one entry when both schools share a language. */
export function languagesOf(doc: Y.Doc): string[] {
  const value = root(doc).meta.get('languages');
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string'))];
}

/** The agreement's title per language. */
export function titlesOf(doc: Y.Doc): Record<string, string> {
  return stringsOf(root(doc).meta.get('title'));
}

/** Which language version prevails: one of the languages, or `equal` (P10). */
export function prevailingOf(doc: Y.Doc): string {
  const value = root(doc).meta.get('prevailing');
  return typeof value === 'string' ? value : 'equal';
}

export function setPrevailing(doc: Y.Doc, value: string): void {
  root(doc).meta.set('prevailing', value);
}

/** A clause as the views need it. */
export interface ClauseInfo {
  id: string;
  kind: ClauseKind;
  /** Title per language; may lack a language nobody has named it in yet. */
  title: Record<string, string>;
  /** Guiding questions per language (P1): prompts for writing, never agreement text. */
  guide: Record<string, string>;
}

function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(value instanceof Y.Map)) return out;
  for (const [key, text] of value.entries()) if (typeof text === 'string') out[key] = text;
  return out;
}

function isClauseKind(value: unknown): value is ClauseKind {
  return typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value);
}

/** The clauses in order. Concurrent moves can duplicate an id in `order`: the first wins. */
export function listClauses(doc: Y.Doc): ClauseInfo[] {
  const { order, clauses } = root(doc);
  const seen = new Set<string>();
  const out: ClauseInfo[] = [];
  for (const id of order.toArray()) {
    const clause = mapAt(clauses, id);
    if (seen.has(id) || !clause) continue;
    seen.add(id);
    const kind = clause.get('kind');
    out.push({
      id,
      kind: isClauseKind(kind) ? kind : 'custom',
      title: stringsOf(clause.get('title')),
      guide: stringsOf(clause.get('guide')),
    });
  }
  return out;
}

/**
 * Adds a clause at `index` (the end by default). Nested maps a clause needs are created here,
 * at once: two people creating the same nested map concurrently would lose one of them.
 */
export function addClause(
  doc: Y.Doc,
  clause: { id: string; kind: ClauseKind; title: Texts; guide?: Texts; by: string; at: number },
  index?: number,
): void {
  const { order, clauses, lists } = root(doc);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('kind', clause.kind);
    map.set('createdBy', clause.by);
    map.set('createdAt', clause.at);
    map.set('title', textsMap(clause.title));
    map.set('guide', textsMap(clause.guide ?? {}));
    clauses.set(clause.id, map);
    if (LIST_KINDS.includes(clause.kind)) {
      const sides = new Y.Map<unknown>();
      for (const side of SIDES) sides.set(side, new Y.Array());
      lists.set(clause.id, sides);
    }
    order.insert(Math.min(index ?? order.length, order.length), [clause.id]);
  });
}

/** Adds titles and guiding questions in more languages (template clauses, new languages). */
export function updateClauseTexts(
  doc: Y.Doc,
  clauseId: string,
  texts: { title: Texts; guide: Texts },
): void {
  const clause = mapAt(root(doc).clauses, clauseId);
  for (const field of ['title', 'guide'] as const) {
    const map = clause?.get(field);
    if (!(map instanceof Y.Map)) continue;
    for (const [lang, text] of Object.entries(texts[field])) map.set(lang, text);
  }
}

/** Names a clause in one language. */
export function renameClause(doc: Y.Doc, clauseId: string, lang: string, title: string): void {
  const titles = mapAt(root(doc).clauses, clauseId)?.get('title');
  if (titles instanceof Y.Map) titles.set(lang, title);
}

/**
 * Moves a clause to position `to` of the deduplicated order. Its texts stay where they are; only
 * the order changes, so a concurrent edit of the clause is never lost.
 */
export function moveClause(doc: Y.Doc, clauseId: string, to: number): void {
  const { order } = root(doc);
  doc.transact(() => {
    removeFromOrder(order, clauseId);
    const ids = listClauses(doc).map((c) => c.id);
    const before = ids[to];
    const index = before === undefined ? order.length : order.toArray().indexOf(before);
    order.insert(index, [clauseId]);
  });
}

/**
 * Takes a clause out of the agreement. Its texts, lists and answers stay in the document, so
 * {@link restoreClause} brings it back whole (undo) and a concurrent edit is never lost.
 */
export function removeClause(doc: Y.Doc, clauseId: string): number {
  const index = listClauses(doc).findIndex((c) => c.id === clauseId);
  doc.transact(() => removeFromOrder(root(doc).order, clauseId));
  return index;
}

/** Puts a removed clause back at `index`. */
export function restoreClause(doc: Y.Doc, clauseId: string, index: number): void {
  if (!root(doc).clauses.has(clauseId)) return;
  moveClause(doc, clauseId, index);
}

function removeFromOrder(order: Y.Array<string>, clauseId: string): void {
  const ids = order.toArray();
  // From the end, so deleting does not shift the indexes still to visit.
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === clauseId) order.delete(i, 1);
}

/** Removed clauses (in the document, not in the order), for restoring later. */
export function removedClauses(doc: Y.Doc): ClauseInfo[] {
  const { order, clauses } = root(doc);
  const inOrder = new Set(order.toArray());
  const all: ClauseInfo[] = [];
  for (const id of clauses.keys()) {
    if (inOrder.has(id)) continue;
    const clause = mapAt(clauses, id);
    const kind = clause?.get('kind');
    all.push({
      id,
      kind: isClauseKind(kind) ? kind : 'custom',
      title: stringsOf(clause?.get('title')),
      guide: stringsOf(clause?.get('guide')),
    });
  }
  return all;
}

/** Writes the document's metadata (server seeding). */
export function setMeta(
  doc: Y.Doc,
  meta: { title: Texts; languages: readonly string[]; schemaVersion: number },
): void {
  const map = root(doc).meta;
  map.set('title', textsMap(meta.title));
  map.set('languages', [...meta.languages]);
  const prevailing = map.get('prevailing');
  // Either language may prevail only while it is one of the agreement's languages (P10).
  if (
    typeof prevailing !== 'string' ||
    !(prevailing === 'equal' || meta.languages.includes(prevailing))
  ) {
    map.set('prevailing', 'equal');
  }
  map.set('schemaVersion', meta.schemaVersion);
}
