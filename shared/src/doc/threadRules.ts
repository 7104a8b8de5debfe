import type { Comment, Thread } from './threads';

/** Who sent a change to a threads document. */
export interface ThreadWriter {
  memberId: string;
  /** Whether they edit the discussed document, and so may accept or decline proposals. */
  mayDecide: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function commentProblem(before: Comment | undefined, after: Comment, who: ThreadWriter) {
  if (!before) return after.authorId === who.memberId ? null : 'a comment under another name';
  if (after.authorId !== before.authorId || after.createdAt !== before.createdAt) {
    return 'a comment changed its author';
  }
  const isChanged =
    after.body !== before.body ||
    !same(after.mentions, before.mentions) ||
    after.editedAt !== before.editedAt ||
    after.deletedAt !== before.deletedAt;
  return isChanged && after.authorId !== who.memberId ? "another member's comment changed" : null;
}

function threadProblem(before: Thread | undefined, after: Thread, who: ThreadWriter) {
  if (!before) {
    if (after.createdBy !== who.memberId) return 'a thread under another name';
    return after.comments.map((c) => commentProblem(undefined, c, who)).find(Boolean) ?? null;
  }
  if (
    !same(after.target, before.target) ||
    after.createdBy !== before.createdBy ||
    after.createdAt !== before.createdAt ||
    after.kind !== before.kind
  ) {
    return 'a thread changed what it is about';
  }
  if (after.proposal?.text !== before.proposal?.text) return 'a proposal changed its text';
  if (after.proposal?.state !== before.proposal?.state && !who.mayDecide) {
    return 'a proposal decided by someone who does not edit the document';
  }
  const isResolutionChanged =
    after.resolved !== before.resolved ||
    after.resolvedBy !== before.resolvedBy ||
    after.resolvedAt !== before.resolvedAt;
  if (isResolutionChanged && after.resolved && after.resolvedBy !== who.memberId) {
    return 'a thread resolved in another name';
  }
  const earlier = new Map(before.comments.map((c) => [c.id, c]));
  const ids = new Set(after.comments.map((c) => c.id));
  if ([...earlier.keys()].some((id) => !ids.has(id))) return 'a comment disappeared';
  if (ids.size !== after.comments.length) return 'two comments with one id';
  return after.comments.map((c) => commentProblem(earlier.get(c.id), c, who)).find(Boolean) ?? null;
}

/**
 * What is wrong with a change to a threads document, or null when it is allowed: anyone who
 * may comment starts threads and writes comments in their own name, resolves and reopens,
 * and re-attaches threads; only authors edit or delete their comments; only editors of the
 * discussed document decide proposals; nothing is removed outright.
 */
export function threadChangeProblem(
  before: readonly Thread[],
  after: readonly Thread[],
  who: ThreadWriter,
): string | null {
  const earlier = new Map(before.map((t) => [t.id, t]));
  const ids = new Set(after.map((t) => t.id));
  if ([...earlier.keys()].some((id) => !ids.has(id))) return 'a thread disappeared';
  return after.map((t) => threadProblem(earlier.get(t.id), t, who)).find(Boolean) ?? null;
}
