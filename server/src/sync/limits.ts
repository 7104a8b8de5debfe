/**
 * What one sync connection may send and hold. Sized for people typing: a fast typist makes about
 * 10 updates a second, a paste one update of a few KiB, a caret one presence message per move
 * (about 30 a second while an arrow key is held); the bursts absorb a reconnect's flush.
 */
export interface SyncLimits {
  /** Unsent bytes past which a connection is closed with 1013 (or twice the document's size). */
  maxBufferedBytes: number;
  updates: Rate;
  updateBytes: Rate;
  presence: Rate;
  /** Full-state sync requests (sync step 1): each may answer with the whole document. */
  stateRequests: Rate;
  /** Open connections per member, over all rooms, and per member in one room. */
  connectionsPerMember: number;
  connectionsPerMemberRoom: number;
}

/** A sustained rate per second and the burst allowed above it. */
export interface Rate {
  perSecond: number;
  burst: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxBufferedBytes: 8 * 1024 * 1024,
  updates: { perSecond: 60, burst: 600 },
  updateBytes: { perSecond: 256 * 1024, burst: 4 * 1024 * 1024 },
  presence: { perSecond: 60, burst: 600 },
  stateRequests: { perSecond: 0.2, burst: 10 },
  connectionsPerMember: 40,
  connectionsPerMemberRoom: 10,
};

/**
 * A token bucket: `take(n)` succeeds while the sustained rate and the burst allow it. Checked
 * synchronously on every frame, which is why it is these few lines and not a library's
 * promise per call.
 */
const monotonicNow = () => performance.now();

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = rate.burst;
    this.at = this.now();
  }

  take(n = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.rate.burst,
      this.tokens + ((now - this.at) / 1000) * this.rate.perSecond,
    );
    this.at = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

/** The buckets of one connection. */
export function connectionMeter(limits: SyncLimits) {
  return {
    updates: new TokenBucket(limits.updates),
    updateBytes: new TokenBucket(limits.updateBytes),
    presence: new TokenBucket(limits.presence),
    stateRequests: new TokenBucket(limits.stateRequests),
  };
}
export type ConnectionMeter = ReturnType<typeof connectionMeter>;

/** Thrown when a connection goes over one of its rates; it is closed with 4029. */
export class TooFastError extends Error {
  override readonly name = 'TooFastError';
}
