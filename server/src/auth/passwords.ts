import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { AppError, ErrorCode } from '@tandem/shared/errors';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * scrypt runs at once (each takes 128 MiB and a thread of libuv's pool) and runs waiting for
 * one; past both, a sign-up or sign-in is answered 429 at once instead of queueing memory.
 */
const MAX_RUNNING = 4;
const MAX_WAITING = 16;

/** Runs at most MAX_RUNNING tasks at once; refuses a task when MAX_WAITING already wait. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_RUNNING) {
      if (this.waiting.length >= MAX_WAITING) {
        throw new AppError(ErrorCode.RATE_LIMITED, 'The server is busy: try again in a moment.', {
          retryAfterSeconds: 1,
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** OWASP's scrypt minimum: N=2^17, r=8, p=1. Tests lower it to stay fast. */
export const DEFAULT_SCRYPT_COST = 2 ** 17;

/** Hashes passwords as `scrypt$N$r$p$salt$hash`; the parameters travel with each hash. */
export class PasswordHasher {
  /** Compared against when the email is unknown, so timing does not reveal which accounts exist. */
  private readonly dummy: Promise<string>;
  private readonly slots = new Slots();

  constructor(private readonly cost = DEFAULT_SCRYPT_COST) {
    this.dummy = this.hash(crypto.randomBytes(16).toString('hex'));
  }

  async hash(password: string): Promise<string> {
    const salt = crypto.randomBytes(16);
    const key = await this.slots.run(() =>
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
        N: this.cost,
        r: 8,
        p: 1,
        maxmem: MAX_MEMORY,
      }),
    );
    return ['scrypt', this.cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join(
      '$',
    );
  }

  /** Checks a password in constant time; with `stored` null it spends the same time and fails. */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = (stored ?? (await this.dummy)).split('$');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const actual = await this.slots.run(() =>
      scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: MAX_MEMORY,
      }),
    );
    return crypto.timingSafeEqual(actual, expected) && stored !== null;
  }
}
