import type { RedisClientType } from 'redis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** The longest a growing delay gets. */
const MAX_DELAY_MS = 15 * 60 * 1000;

/** Where growing delays are kept: this process's memory, or Redis for a cluster. */
export interface DelayStore {
  /** Starts an attempt (see GrowingDelay.begin). */
  begin(
    key: string,
    firstDelayMs: number,
    freeFailures: number,
    now: number,
  ): Promise<number | null>;
  succeed(key: string): Promise<void>;
}

/** The delay after `failures` failures in a row, of which `freeFailures` cost nothing. */
function delayAfter(failures: number, firstDelayMs: number, freeFailures: number): number {
  const doublings = failures - 1 - freeFailures;
  return doublings < 0 ? 0 : Math.min(firstDelayMs * 2 ** doublings, MAX_DELAY_MS);
}

/** Delays in memory: one node; a restart forgets, which is acceptable for slowing guessing. */
export function memoryDelays(): DelayStore {
  const entries = new Map<string, { failures: number; nextAt: number }>();
  const forgetOld = (now: number) => {
    if (entries.size < 10_000) return;
    for (const [key, entry] of entries) if (now - entry.nextAt > MAX_DELAY_MS) entries.delete(key);
  };
  return {
    begin(key, firstDelayMs, freeFailures, now) {
      const entry = entries.get(key) ?? { failures: 0, nextAt: 0 };
      if (now < entry.nextAt) return Promise.resolve(entry.nextAt - now);
      entry.failures++;
      const delay = delayAfter(entry.failures, firstDelayMs, freeFailures);
      entry.nextAt = delay === 0 ? 0 : now + delay;
      entries.set(key, entry);
      forgetOld(now);
      return Promise.resolve(null);
    },
    succeed(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}

/** begin() as one Redis script, so that two nodes counting the same key never both slip by. */
const BEGIN = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
local nextAt = tonumber(redis.call('HGET', KEYS[1], 'nextAt') or '0')
local now = tonumber(ARGV[1])
if now < nextAt then return nextAt - now end
failures = failures + 1
local doublings = failures - 1 - tonumber(ARGV[3])
if doublings < 0 then nextAt = 0 else
  nextAt = now + math.min(tonumber(ARGV[2]) * (2 ^ doublings), tonumber(ARGV[4]))
end
redis.call('HSET', KEYS[1], 'failures', failures, 'nextAt', nextAt)
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[4]))
return -1`;

/** Delays in Redis: every node of a cluster slows the same guesser down. */
export function redisDelays(client: RedisClientType, prefix: string): DelayStore {
  return {
    async begin(key, firstDelayMs, freeFailures, now) {
      const wait = Number(
        await client.eval(BEGIN, {
          keys: [`${prefix}${key}`],
          arguments: [
            String(now),
            String(firstDelayMs),
            String(freeFailures),
            String(MAX_DELAY_MS),
          ],
        }),
      );
      return wait < 0 ? null : wait;
    },
    async succeed(key) {
      await client.del(`${prefix}${key}`);
    },
  };
}

/**
 * A delay per key that doubles with each failure in a row (1, 2, 4… seconds, at most 15
 * minutes) and ends with a success. An attempt is counted when it starts, before the password
 * is hashed, so concurrent guesses cannot slip through together; nobody is ever locked out for
 * good, they wait.
 */
export class GrowingDelay {
  constructor(
    private readonly store: DelayStore,
    private readonly firstDelayMs = 1_000,
    /** Failures allowed before the delay starts. */
    private readonly freeFailures = 0,
  ) {}

  /**
   * Starts an attempt: null when it may go ahead (and the delay for the next one is already
   * set, as if it will fail), or how many milliseconds to wait.
   */
  begin(key: string, now = Date.now()): Promise<number | null> {
    return this.store.begin(key, this.firstDelayMs, this.freeFailures, now);
  }

  /** The attempt succeeded: no delay for the next. */
  succeed(key: string): Promise<void> {
    return this.store.succeed(key);
  }
}

/**
 * `points` per key per hour (rate-limiter-flexible): in this process's memory, or in Redis so
 * that every node of a cluster counts the same.
 */
export function hourlyLimit(
  points: number,
  redis: RedisClientType | null,
  keyPrefix: string,
): RateLimiterAbstract {
  const options = { points, duration: 60 * 60, keyPrefix };
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
    : new RateLimiterMemory(options);
}
