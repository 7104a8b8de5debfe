import type { Comment, Thread } from './threads';

/** When a person last read each thread (epoch ms), as the server keeps it. */
export type ReadMarks = Readonly<Record<string, number>>;

/**
 * Comments a person has not read: written by someone else, not deleted, and newer than the
 * time they last read that thread.
 */
export function unreadComments(threads: Thread[], reads: ReadMarks, memberId: string): Comment[] {
  return threads.flatMap((thread) =>
    thread.comments.filter(
      (c) =>
        c.authorId !== memberId && c.deletedAt === null && c.createdAt > (reads[thread.id] ?? 0),
    ),
  );
}
