import type { IncomingMessage } from 'node:http';
import type { RedisClientType } from 'redis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { changeNoticeMail, confirmMail } from '../notify/addressMails';
import type { Mailer } from '../notify/Mailer';
import type { Log } from '../observability/log';
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
 * takes effect when the link sent to the new address is opened; the old address is told.
 * Without SMTP nothing is mailed: an address changes at once and stays unconfirmed.
 */
export class EmailAddresses {
  /** Confirmation mails to one account per hour: a stranger cannot flood an inbox. */
  private readonly byAccount: RateLimiterAbstract;
  /** Guessing links from one address: delays after a few wrong ones. */
  private readonly wrongLinks: GrowingDelay;

  constructor(
    private readonly deps: {
      people: PeopleStore;
      auth: Auth;
      mailer: Mailer | null;
      publicUrl: string;
      log: Log;
    },
    redis: RedisClientType | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.byAccount = hourlyLimit(5, redis, 'tandem:confirm:account');
    const delays = redis ? redisDelays(redis, 'tandem:confirm:delay:') : memoryDelays();
    this.wrongLinks = new GrowingDelay(delays, 1_000, 4);
  }

  get isEmailOn(): boolean {
    return this.deps.mailer !== null;
  }

  /** After sign-up: a link to the new address, when email is on. Never fails the sign-up. */
  async welcome(account: Account): Promise<void> {
    if (!this.isEmailOn) return;
    await this.sendLink(account, account.email).catch((error: unknown) =>
      this.deps.log('sending a confirmation mail failed', error),
    );
  }

  /** "Send the link again" from the account page. */
  async resend(account: Account): Promise<void> {
    if (account.emailConfirmed) {
      throw new AppError(ErrorCode.EMAIL_ALREADY_CONFIRMED, 'The address is confirmed already.');
    }
    await this.sendLink(account, account.email);
  }

  /**
   * Changes the signed-in person's address after checking the password: with email on, a link
   * goes to the new address and a notice to the old one, and the address changes only when the
   * link is opened (resolves to null); without email it changes at once (resolves to the account).
   */
  async change(session: Session, password: string, email: string): Promise<Account | null> {
    const { account } = session;
    await this.deps.auth.checkPassword(session, password);
    if (email === account.email) {
      throw new AppError(ErrorCode.EMAIL_UNCHANGED, 'That is the address already.');
    }
    if (await this.deps.people.findCredentials(email)) {
      throw new AppError(ErrorCode.EMAIL_TAKEN, 'This email already has an account.');
    }
    if (!this.deps.mailer) return this.deps.people.setEmail(account.id, email);
    await this.sendLink(account, email);
    await this.deps.mailer
      .send(changeNoticeMail(account, email, `${this.deps.publicUrl}/account`))
      .catch((error: unknown) => this.deps.log('sending an address-change notice failed', error));
    return null;
  }

  /** Opens a confirmation link, once; needs no session (it may be opened on another device). */
  async confirm(token: string, req: IncomingMessage): Promise<Account> {
    const address = this.deps.auth.addressOf(req);
    const waitMs = await this.wrongLinks.begin(address, this.now());
    if (waitMs !== null) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many wrong confirmation links: wait.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const taken = await this.deps.people.takeEmailConfirmation(hashToken(token), this.now());
    if (!taken) throw invalidLink();
    await this.wrongLinks.succeed(address);
    return taken.account;
  }

  private async sendLink(account: Account, email: string): Promise<void> {
    const { mailer, people, publicUrl } = this.deps;
    if (!mailer) throw new AppError(ErrorCode.EMAIL_OFF, 'Email is off: no link can be sent.');
    await this.byAccount.consume(account.id).catch((refusal: unknown) => {
      const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 60_000;
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many confirmation mails for this account.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    });
    const token = newToken();
    const now = this.now();
    await people.createEmailConfirmation(
      hashToken(token),
      account.id,
      email,
      now,
      now + CONFIRM_TTL_MS,
    );
    await mailer.send(confirmMail(account, email, `${publicUrl}/confirm/${token}`));
  }
}
