import type { VersionInfo } from '../storage/VersionStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long versions are kept, and how many. Named versions are the ones people chose to keep:
 * never thinned, but capped and rate-limited. Automatic versions (and those kept before a
 * restore) are all kept for a day, then one a day for a month, then one a week; and when the
 * agreement's versions together pass the quota, the oldest of them go first.
 */
export const RETENTION = {
  /** Named versions one agreement may keep. */
  maxNamed: 100,
  /** Named versions one agreement may gain in an hour. */
  namedPerHour: 20,
  /** All versions of one partnership's agreement together (its documents have caps). */
  quotaBytes: 256 * 1024 * 1024,
} as const;

/**
 * The versions to delete from `versions` (any order) at `now`: automatic ones past the
 * thinning, then the oldest automatic ones while the total is over the quota.
 */
export function versionsToThin(versions: readonly VersionInfo[], now: number): string[] {
  const newestFirst = [...versions].sort((a, b) => b.createdAt - a.createdAt);
  const kept = new Set<string>();
  const seenPeriods = new Set<string>();
  const thinned: string[] = [];
  for (const v of newestFirst) {
    if (v.kind === 'named') {
      kept.add(v.id);
      continue;
    }
    const age = now - v.createdAt;
    const period =
      age < DAY_MS
        ? `recent ${v.id}`
        : age < 30 * DAY_MS
          ? `day ${Math.floor(v.createdAt / DAY_MS)}`
          : `week ${Math.floor(v.createdAt / (7 * DAY_MS))}`;
    // Newest first: the first version seen in a period is the one kept for it.
    if (seenPeriods.has(period)) thinned.push(v.id);
    else {
      seenPeriods.add(period);
      kept.add(v.id);
    }
  }
  let total = newestFirst.filter((v) => kept.has(v.id)).reduce((sum, v) => sum + v.bytes, 0);
  for (const v of [...newestFirst].reverse()) {
    if (total <= RETENTION.quotaBytes) break;
    if (v.kind === 'named' || !kept.has(v.id)) continue;
    kept.delete(v.id);
    thinned.push(v.id);
    total -= v.bytes;
  }
  return thinned;
}
