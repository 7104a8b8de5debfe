import type Database from 'better-sqlite3';
import type { ReadMarks } from '@tandem/shared/doc/unread';
import type { ThreadReadStore } from '../ThreadReadStore';

export class SqliteThreadReadStore implements ThreadReadStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      reads: db.prepare<[string, string], { thread_id: string; read_at: number }>(
        'SELECT thread_id, read_at FROM thread_reads WHERE member_id = ? AND doc = ?',
      ),
      markRead: db.prepare<[string, string, string, number]>(
        `INSERT INTO thread_reads (member_id, doc, thread_id, read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET read_at = MAX(read_at, excluded.read_at)`,
      ),
      notify: db.prepare<[string, string, string, number]>(
        'INSERT OR IGNORE INTO notifications (member_id, comment_id, kind, sent_at) VALUES (?, ?, ?, ?)',
      ),
      digest: db.prepare<[string, string, number]>(
        'INSERT OR IGNORE INTO digests (member_id, local_date, sent_at) VALUES (?, ?, ?)',
      ),
    };
  }

  reads(memberId: string, doc: string): Promise<ReadMarks> {
    const rows = this.statements.reads.all(memberId, doc);
    return Promise.resolve(Object.fromEntries(rows.map((r) => [r.thread_id, r.read_at])));
  }

  markRead(memberId: string, doc: string, threadId: string, at: number): Promise<void> {
    this.statements.markRead.run(memberId, doc, threadId, at);
    return Promise.resolve();
  }

  claimNotification(memberId: string, commentId: string, kind: 'mention' | 'digest', at: number) {
    return Promise.resolve(this.statements.notify.run(memberId, commentId, kind, at).changes > 0);
  }

  claimDigest(memberId: string, localDate: string, at: number): Promise<boolean> {
    return Promise.resolve(this.statements.digest.run(memberId, localDate, at).changes > 0);
  }
}
