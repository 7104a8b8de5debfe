import * as Y from 'yjs';
import type { Anchor } from './anchors';

/**
 * Threads documents (`agreement.threads`, `itinerary.X.threads`): `threads: Y.Map<threadId,
 * Y.Map>` (shared/README.md). Comments never touch the content; a thread points into it by its anchor.
 */

/** What a thread is about: a stretch of one clause version, or an itinerary item. */
export type ThreadTarget = { clauseId: string; lang: string } | { itemId: string };

/** A proposed replacement of one clause version (suggestion mode). */
export interface Proposal {
  text: string;
  /** Fingerprint of the version it replaces, to flag proposals overtaken by edits. */
  baseHash: string | null;
  state: 'open' | 'accepted' | 'declined';
}

export interface Comment {
  id: string;
  authorId: string;
  body: string;
  /** Member ids mentioned with @. */
  mentions: string[];
  createdAt: number;
  /** The writer's IANA zone, so readers see the writer's local time alongside their own. */
  timeZone: string;
  editedAt: number | null;
  deletedAt: number | null;
}

export interface Thread {
  id: string;
  target: ThreadTarget;
  anchor: Anchor | null;
  createdBy: string;
  createdAt: number;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: number | null;
  kind: 'comment' | 'proposal';
  proposal: Proposal | null;
  comments: Comment[];
}

function threadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('threads');
}

/** The top-level type, for observing every thread. */
export function threadsType(doc: Y.Doc): Y.AbstractType<unknown> {
  return threadsMap(doc) as Y.AbstractType<unknown>;
}

function threadMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value = threadsMap(doc).get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

function commentsOf(thread: Y.Map<unknown> | undefined): Y.Array<unknown> | undefined {
  const value = thread?.get('comments');
  return value instanceof Y.Array ? (value as Y.Array<unknown>) : undefined;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function readTarget(value: unknown): ThreadTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.clauseId === 'string' && typeof v.lang === 'string') {
    return { clauseId: v.clauseId, lang: v.lang };
  }
  if (typeof v.itemId === 'string') return { itemId: v.itemId };
  return null;
}

function readAnchor(value: unknown): Anchor | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return { from: v.from, to: v.to, quote: str(v.quote) };
}

function readProposal(value: unknown): Proposal | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const state = v.state === 'accepted' || v.state === 'declined' ? v.state : 'open';
  return { text: str(v.text), baseHash: typeof v.baseHash === 'string' ? v.baseHash : null, state };
}

function readComment(value: unknown): Comment | null {
  if (!(value instanceof Y.Map)) return null;
  const c = value as Y.Map<unknown>;
  const mentions = c.get('mentions');
  return {
    id: str(c.get('id')),
    authorId: str(c.get('authorId')),
    body: str(c.get('body')),
    mentions: Array.isArray(mentions)
      ? mentions.filter((m): m is string => typeof m === 'string')
      : [],
    createdAt: num(c.get('createdAt')) ?? 0,
    timeZone: str(c.get('timeZone'), 'UTC'),
    editedAt: num(c.get('editedAt')),
    deletedAt: num(c.get('deletedAt')),
  };
}

/** Every thread, oldest first. Malformed entries (a client wrote nonsense) are skipped. */
export function readThreads(doc: Y.Doc): Thread[] {
  const threads: Thread[] = [];
  for (const [id, value] of threadsMap(doc).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const t = value as Y.Map<unknown>;
    const target = readTarget(t.get('target'));
    if (!target) continue;
    threads.push({
      id,
      target,
      anchor: readAnchor(t.get('anchor')),
      createdBy: str(t.get('createdBy')),
      createdAt: num(t.get('createdAt')) ?? 0,
      resolved: t.get('resolved') === true,
      resolvedBy: typeof t.get('resolvedBy') === 'string' ? str(t.get('resolvedBy')) : null,
      resolvedAt: num(t.get('resolvedAt')),
      kind: t.get('kind') === 'proposal' ? 'proposal' : 'comment',
      proposal: readProposal(t.get('proposal')),
      comments: (commentsOf(t)?.toArray() ?? [])
        .map(readComment)
        .filter((c): c is Comment => c !== null),
    });
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt);
}

/** A new comment's fields. */
export interface NewComment {
  id: string;
  authorId: string;
  body: string;
  mentions: string[];
  at: number;
  timeZone: string;
}

function commentMap(comment: NewComment): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', comment.id);
  map.set('authorId', comment.authorId);
  map.set('body', comment.body);
  map.set('mentions', comment.mentions);
  map.set('createdAt', comment.at);
  map.set('timeZone', comment.timeZone);
  return map;
}

/** Starts a thread with its first comment. */
export function startThread(
  doc: Y.Doc,
  thread: { id: string; target: ThreadTarget; anchor: Anchor | null; proposal?: Proposal },
  first: NewComment,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('target', thread.target);
    map.set('anchor', thread.anchor);
    map.set('createdBy', first.authorId);
    map.set('createdAt', first.at);
    map.set('resolved', false);
    map.set('kind', thread.proposal ? 'proposal' : 'comment');
    if (thread.proposal) map.set('proposal', thread.proposal);
    const comments = new Y.Array<unknown>();
    comments.push([commentMap(first)]);
    map.set('comments', comments);
    threadsMap(doc).set(thread.id, map);
  });
}

/** Replies; a reply to a resolved thread reopens it. */
export function reply(doc: Y.Doc, threadId: string, comment: NewComment): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    commentsOf(thread)?.push([commentMap(comment)]);
    if (thread?.get('resolved') === true)
      setResolved(doc, threadId, false, comment.authorId, comment.at);
  });
}

/** Resolves or reopens a thread. */
export function setResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by: string,
  at: number,
): void {
  const thread = threadMap(doc, threadId);
  if (!thread) return;
  doc.transact(() => {
    thread.set('resolved', resolved);
    thread.set('resolvedBy', resolved ? by : null);
    thread.set('resolvedAt', resolved ? at : null);
  });
}

function commentAt(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> | undefined {
  const found = commentsOf(threadMap(doc, threadId))
    ?.toArray()
    .find((c) => c instanceof Y.Map && (c as Y.Map<unknown>).get('id') === commentId);
  return found instanceof Y.Map ? (found as Y.Map<unknown>) : undefined;
}

/** Edits one's own comment (the UI offers it to the author only). */
export function editComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
  body: string,
  at: number,
) {
  const comment = commentAt(doc, threadId, commentId);
  if (!comment) return;
  doc.transact(() => {
    comment.set('body', body);
    comment.set('editedAt', at);
  });
}

/** Deletes one's own comment: its text goes, a "deleted" marker keeps the thread readable. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, at: number) {
  const comment = commentAt(doc, threadId, commentId);
  if (!comment) return;
  doc.transact(() => {
    comment.set('body', '');
    comment.set('deletedAt', at);
  });
}

/** Points a detached thread at new text. */
export function reanchor(doc: Y.Doc, threadId: string, anchor: Anchor): void {
  threadMap(doc, threadId)?.set('anchor', anchor);
}

/** Records what became of a proposal. */
export function setProposalState(doc: Y.Doc, threadId: string, state: Proposal['state']): void {
  const thread = threadMap(doc, threadId);
  const proposal = readProposal(thread?.get('proposal'));
  if (thread && proposal) thread.set('proposal', { ...proposal, state });
}
