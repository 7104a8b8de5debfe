import * as Y from 'yjs';
import { threadChangeProblem } from '@tandem/shared/doc/threadRules';
import { readThreads } from '@tandem/shared/doc/threads';
import type { Peer } from './Peer';
import { ForbiddenChangeError, type Room } from './Room';

/**
 * The server's check of comment threads (threadRules.ts): the update is tried on a copy of
 * the document, and the threads before and after are compared. Threads documents are small;
 * content documents are not checked here.
 */
export function checkThreadsUpdate(room: Room, peer: Peer, update: Uint8Array): void {
  if (!room.name.endsWith('.threads') || peer.memberId === null) return;
  const after = new Y.Doc();
  try {
    Y.applyUpdate(after, Y.encodeStateAsUpdate(room.doc));
    Y.applyUpdate(after, update);
    const problem = threadChangeProblem(readThreads(room.doc), readThreads(after), {
      memberId: peer.memberId,
      mayDecide: peer.mayDecide,
    });
    if (problem) throw new ForbiddenChangeError(problem);
  } finally {
    after.destroy();
  }
}
