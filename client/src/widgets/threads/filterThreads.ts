import type { Thread } from '@tandem/shared/doc/threads';
import type { ThreadFilter } from './ThreadsContext';

/** The threads a filter keeps (pure, tested). */
export function filterThreads(threads: Thread[], filter: ThreadFilter, me: string): Thread[] {
  switch (filter) {
    case 'open':
      return threads.filter((t) => !t.resolved);
    case 'resolved':
      return threads.filter((t) => t.resolved);
    case 'mine':
      return threads.filter((t) => t.comments.some((c) => c.authorId === me));
    case 'mentions':
      return threads.filter((t) => t.comments.some((c) => c.mentions.includes(me)));
    default: {
      const never: never = filter;
      return never;
    }
  }
}

/** Member ids whose `@Name` is still in the text (a mention deleted while typing is dropped). */
export function mentionsIn(body: string, members: { id: string; name: string }[]): string[] {
  return members.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id);
}
