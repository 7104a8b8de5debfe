/** The longest a growing delay gets. */
const MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * A delay per key that doubles with each failure in a row (1, 2, 4… seconds, at most 15
 * minutes) and ends with a success. An attempt is counted when it starts, before the password
 * is hashed, so concurrent guesses cannot slip through together; nobody is ever locked out for
 * good, they wait. In memory: a restart forgets, which is acceptable for slowing down guessing.
 */
export class GrowingDelay {
  private readonly entries = new Map<string, { failures: number; nextAt: number }>();

  constructor(
    private readonly firstDelayMs = 1_000,
    /** Failures allowed before the delay starts. */
    private readonly freeFailures = 0,
  ) {}

  /**
   * Starts an attempt: null when it may go ahead (and the delay for the next one is already
   * set, as if it will fail), or how many milliseconds to wait.
   */
  begin(key: string, now = Date.now()): number | null {
    const entry = this.entries.get(key) ?? { failures: 0, nextAt: 0 };
    if (now < entry.nextAt) return entry.nextAt - now;
    entry.failures++;
    const doublings = entry.failures - 1 - this.freeFailures;
    entry.nextAt =
      doublings < 0 ? 0 : now + Math.min(this.firstDelayMs * 2 ** doublings, MAX_DELAY_MS);
    this.entries.set(key, entry);
    this.forgetOld(now);
    return null;
  }

  /** The attempt succeeded: no delay for the next. */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries whose delay ran out long ago, so memory stays bounded by recent failures. */
  private forgetOld(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) {
      if (now - entry.nextAt > MAX_DELAY_MS) this.entries.delete(key);
    }
  }
}
