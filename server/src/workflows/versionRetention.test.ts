import { describe, expect, it } from 'vitest';
import type { VersionInfo, VersionKind } from '../storage/VersionStore';
import { RETENTION, versionsToThin } from './versionRetention';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1, 12);

const version = (id: string, kind: VersionKind, hoursAgo: number, bytes = 1_000): VersionInfo => ({
  id,
  kind,
  name: kind === 'named' ? id : null,
  createdBy: null,
  createdAt: NOW - hoursAgo * HOUR,
  stateHash: id,
  bytes,
});

describe('versionsToThin', () => {
  it('keeps every version of the last day, then one a day, then one a week', () => {
    const versions = [
      version('now', 'auto', 0),
      version('an hour ago', 'auto', 1),
      version('yesterday late', 'auto', 30),
      version('yesterday early', 'auto', 31),
      version('last month a', 'auto', 24 * 40),
      version('last month b', 'auto', 24 * 40 + 1),
    ];
    expect(versionsToThin(versions, NOW).sort()).toEqual(['last month b', 'yesterday early']);
  });

  it('never thins a named version, even past the quota', () => {
    const big = RETENTION.quotaBytes;
    const versions = [
      version('kept by name', 'named', 24 * 90, big),
      version('auto', 'auto', 2, 10),
    ];
    expect(versionsToThin(versions, NOW)).toEqual(['auto']);
  });

  it('drops the oldest automatic versions first while the total is over the quota', () => {
    const third = Math.floor(RETENTION.quotaBytes / 3) + 1;
    const versions = [
      version('newest', 'auto', 1, third),
      version('middle', 'before-restore', 2, third),
      version('oldest', 'auto', 3, third),
    ];
    expect(versionsToThin(versions, NOW)).toEqual(['oldest']);
  });
});
