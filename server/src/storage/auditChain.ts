import crypto from 'node:crypto';

/** One entry of a partnership's audit log. */
export interface AuditEntry {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  data: string;
  prevHash: string;
  hash: string;
}

/** The `prevHash` of a partnership's first entry. */
export const GENESIS = '0'.repeat(64);

/** The hash of an audit entry: it covers the previous entry's hash, so the log is a chain. */
export function auditHash(
  entry: Omit<AuditEntry, 'seq' | 'hash'> & { partnershipId: string },
): string {
  return crypto
    .createHash('sha256')
    .update(
      [
        entry.prevHash,
        entry.partnershipId,
        entry.at,
        entry.actor ?? '',
        entry.action,
        entry.data,
      ].join('\n'),
    )
    .digest('hex');
}

/** Whether every entry's hash covers its content and the entry before it. */
export function isChainIntact(partnershipId: string, entries: readonly AuditEntry[]): boolean {
  let prev = GENESIS;
  for (const e of entries) {
    if (e.prevHash !== prev || auditHash({ ...e, partnershipId }) !== e.hash) return false;
    prev = e.hash;
  }
  return true;
}
