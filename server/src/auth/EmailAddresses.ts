import type { IncomingMessage } from 'node:http';
import type { RedisClientType } from 'redis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Account, PeopleStore } from '../storage/PeopleStore';
import type { Auth, Session } from './Auth';
import { GrowingDelay, hourlyLimit, memoryDelays, redisDelays } from './rateLimit';
import { hashToken, newToken } from './tokens';

/** How long a confirmation link works. */
export const CONFIRM_TTL_MS = 3 * 24 * 60 * 60 * 1000;

const invalidLink = () =>
  new AppError(
    ErrorCode.EMAIL_LINK_INVALID,
    'This confirmation link is not valid: it was used, it expired, or it is not whole.',
  );

/**
 * Confirmed addresses. A new account gets a single-use link (only its hash is stored); mail
 * that matters goes only to confirmed addresses. A change of address needs the password and
 * takes effect when the link sent to the new address is opened. The caller mails the links
 * (and tells the old address); without email an address changes at once, unconfirmed.
 */
export class EmailAddresses {
  /** Confirmation links for one account per hour: a stranger cannot flood an inbox. */
  private readonly byAccount: RateLimiterAbstract;
  /** Guessing links from one address: delays after a few wrong ones. */
  private readonly wrongLinks: GrowingDelay;

  constructor(
    private readonly people: PeopleStore,
    private readonly auth: Auth,
    redis: RedisClientType | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.byAccount = hourlyLimit(5, redis, 'tandem:confirm:account');
    const delays = redis ? redisDelays(redis, 'tandem:confirm:delay:') : memoryDelays();
    this.wrongLinks = new GrowingDelay(delays, 1_000, 4);
  }

  /** A new link's token for the account's current address ("send it again"). */
  resend(account: Account): Promise<string> {
    if (account.emailConfirmed) {
      throw new AppError(ErrorCode.EMAIL_ALREADY_CONFIRMED, 'The address is confirmed already.');
    }
    return this.issue(account, account.email);
  }

  /**
   * Checks a change of the signed-in person's address (password, not the same, not taken).
   * With email on it resolves to a link's token for the new address (the address changes
   * when it is opened); with email off the address changes at once and it resolves to null.
   */
  async change(
    session: Session,
    password: string,
    email: string,
    isEmailOn: boolean,
  ): Promise<string | null> {
    const { account } = session;
    await this.auth.checkPassword(session, password);
    if (email === account.email) {
      throw new AppError(ErrorCode.EMAIL_UNCHANGED, 'That is the address already.');
    }
    if (await this.people.findCredentials(email)) {
      throw new AppError(ErrorCode.EMAIL_TAKEN, 'This email already has an account.');
    }
    if (!isEmailOn) {
      await this.people.setEmail(account.id, email);
      return null;
    }
    return this.issue(account, email);
  }

  /** Opens a confirmation link, once; needs no session (it may be opened on another device). */
  async confirm(token: string, req: IncomingMessage): Promise<Account> {
    const address = this.auth.addressOf(req);
    const waitMs = await this.wrongLinks.begin(address, this.now());
    if (waitMs !== null) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many wrong confirmation links: wait.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const taken = await this.people.takeEmailConfirmation(hashToken(token), this.now());
    if (!taken) throw invalidLink();
    await this.wrongLinks.succeed(address);
    return taken.account;
  }

  /** A new single-use link's token for `email`, at most five an hour per account. */
  async issue(account: Account, email: string): Promise<string> {
    await this.byAccount.consume(account.id).catch((refusal: unknown) => {
      const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 60_000;
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many confirmation mails for this account.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    });
    const token = newToken();
    const now = this.now();
    await this.people.createEmailConfirmation(
      hashToken(token),
      account.id,
      email,
      now,
      now + CONFIRM_TTL_MS,
    );
    return token;
  }
}
