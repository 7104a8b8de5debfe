import type { NewComment } from '@tandem/shared/doc/threads';

/** A comment by the person writing it now, in their time zone: the one place one is made. */
export function newComment(
  author: { memberId: string; timeZone: string },
  body: string,
  mentions: string[],
): NewComment {
  return {
    id: crypto.randomUUID(),
    authorId: author.memberId,
    body,
    mentions,
    at: Date.now(),
    timeZone: author.timeZone,
  };
}
