import type { ReadMarks } from '@tandem/shared/doc/unread';

/** Per person: when they last read each thread; and which notifications went out. */
export interface ThreadReadStore {
  reads(memberId: string, doc: string): Promise<ReadMarks>;
  /** Contract: a read mark only moves forward (an older `at` leaves a newer mark as it is). */
  markRead(memberId: string, doc: string, threadId: string, at: number): Promise<void>;
  /** Records a notification; false if it was already sent (so it goes out once). */
  claimNotification(
    memberId: string,
    commentId: string,
    kind: 'mention' | 'digest',
    at: number,
  ): Promise<boolean>;
  /** Records that a member's digest for a local date went out; false if it already had. */
  claimDigest(memberId: string, localDate: string, at: number): Promise<boolean>;
}
