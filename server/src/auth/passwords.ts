import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

/** OWASP's scrypt minimum: N=2^17, r=8, p=1. Tests lower it to stay fast. */
export const DEFAULT_SCRYPT_COST = 2 ** 17;

/** Hashes passwords as `scrypt$N$r$p$salt$hash`; the parameters travel with each hash. */
export class PasswordHasher {
  /** Compared against when the email is unknown, so timing does not reveal which accounts exist. */
  private readonly dummy: Promise<string>;

  constructor(private readonly cost = DEFAULT_SCRYPT_COST) {
    this.dummy = this.hash(crypto.randomBytes(16).toString('hex'));
  }

  async hash(password: string): Promise<string> {
    const salt = crypto.randomBytes(16);
    const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
      N: this.cost,
      r: 8,
      p: 1,
      maxmem: MAX_MEMORY,
    });
    return ['scrypt', this.cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join(
      '$',
    );
  }

  /** Checks a password in constant time; with `stored` null it spends the same time and fails. */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = (stored ?? (await this.dummy)).split('$');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const actual = await scrypt(
      password.normalize('NFKC'),
      Buffer.from(salt, 'base64url'),
      expected.length,
      {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: MAX_MEMORY,
      },
    );
    return crypto.timingSafeEqual(actual, expected) && stored !== null;
  }
}
