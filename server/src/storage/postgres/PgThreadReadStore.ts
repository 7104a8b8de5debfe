import type pg from 'pg';
import type { ReadMarks } from '@tandem/shared/doc/unread';
import type { ThreadReadStore } from '../ThreadReadStore';

/** Read marks and sent notifications on PostgreSQL: a notification is claimed once, cluster-wide. */
export class PgThreadReadStore implements ThreadReadStore {
  constructor(private readonly pool: pg.Pool) {}

  async reads(memberId: string, doc: string): Promise<ReadMarks> {
    const { rows } = await this.pool.query<{ thread_id: string; read_at: number }>(
      'SELECT thread_id, read_at FROM thread_reads WHERE member_id = $1 AND doc = $2',
      [memberId, doc],
    );
    return Object.fromEntries(rows.map((r) => [r.thread_id, r.read_at]));
  }

  async markRead(memberId: string, doc: string, threadId: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO thread_reads (member_id, doc, thread_id, read_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, doc, thread_id)
       DO UPDATE SET read_at = GREATEST(thread_reads.read_at, excluded.read_at)`,
      [memberId, doc, threadId, at],
    );
  }

  async claimNotification(
    memberId: string,
    commentId: string,
    kind: 'mention' | 'digest',
    at: number,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO notifications (member_id, comment_id, kind, sent_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [memberId, commentId, kind, at],
    );
    return (rowCount ?? 0) > 0;
  }

  async claimDigest(memberId: string, localDate: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO digests (member_id, local_date, sent_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [memberId, localDate, at],
    );
    return (rowCount ?? 0) > 0;
  }
}
