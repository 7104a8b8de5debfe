import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedisClientType } from 'redis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Account, PeopleStore } from '../storage/PeopleStore';
import type { Auth } from './Auth';
import { requireStrongPassword } from './strongPassword';
import { GrowingDelay, hourlyLimit, memoryDelays, redisDelays } from './rateLimit';
import { hashToken, newToken } from './tokens';

/** How long a reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;

const invalidLink = () =>
  new AppError(
    ErrorCode.RESET_LINK_INVALID,
    'This reset link is not valid: it was used, it expired, or it is not whole.',
  );

/**
 * Password reset by email: a single-use, short-lived link (only its hash is stored), the same
 * answer whether or not the address has an account, and every other session of the account
 * signed out once the new password is set. Requests and wrong links are limited.
 */
export class PasswordResets {
  /** Reset requests from one address per hour. */
  private readonly byAddress: RateLimiterAbstract;
  /** Mails to one account per hour: a stranger cannot flood someone's inbox. */
  private readonly byAccount: RateLimiterAbstract;
  /** Guessing links from one address: delays after a few wrong ones. */
  private readonly wrongLinks: GrowingDelay;

  constructor(
    private readonly people: PeopleStore,
    private readonly auth: Auth,
    redis: RedisClientType | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.byAddress = hourlyLimit(20, redis, 'tandem:reset:address');
    this.byAccount = hourlyLimit(3, redis, 'tandem:reset:account');
    const delays = redis ? redisDelays(redis, 'tandem:reset:delay:') : memoryDelays();
    this.wrongLinks = new GrowingDelay(delays, 1_000, 4);
  }

  /**
   * A new link for the account with this address, or null (no such account, or it already got
   * its mails for the hour); the caller answers the same either way.
   */
  async request(
    email: string,
    req: IncomingMessage,
  ): Promise<{ account: Account; token: string } | null> {
    await this.byAddress.consume(this.auth.addressOf(req)).catch((refusal: unknown) => {
      const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 60_000;
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many reset requests from this address.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    });
    const credentials = await this.people.findCredentials(email);
    if (!credentials) return null;
    const { account } = credentials;
    const isAllowed = await this.byAccount.consume(account.id).then(
      () => true,
      () => false,
    );
    if (!isAllowed) return null;
    const token = newToken();
    const now = this.now();
    await this.people.createPasswordReset(hashToken(token), account.id, now, now + RESET_TTL_MS);
    return { account, token };
  }

  /**
   * Sets the new password through a link, once; signs this browser in and every other session
   * of the account out (their hashes are returned, to close their connections).
   */
  async complete(
    token: string,
    newPassword: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ account: Account; ended: string[] }> {
    const address = this.auth.addressOf(req);
    const waitMs = await this.wrongLinks.begin(address);
    if (waitMs !== null) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many wrong reset links: wait.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const tokenHash = hashToken(token);
    const accountId = await this.people.findPasswordReset(tokenHash, this.now());
    const account = accountId ? await this.people.findAccount(accountId) : null;
    if (!account) throw invalidLink();
    await this.wrongLinks.succeed(address);
    // Checked before the link is used: a weak password does not cost the person their link.
    await requireStrongPassword(newPassword, [account.email, account.name]);
    if ((await this.people.takePasswordReset(tokenHash, this.now())) !== account.id) {
      throw invalidLink();
    }
    await this.people.setPassword(account.id, await this.auth.passwords.hash(newPassword));
    const ended = await this.people.deleteOtherSessions(account.id, '');
    await this.auth.startSession(account, req, res);
    return { account, ended };
  }
}
