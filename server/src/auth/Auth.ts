import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { NewAccount } from '@tandem/shared/peopleBodies';
import type { Account, Member, PeopleStore } from '../storage/PeopleStore';
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from './cookies';
import type { PasswordHasher } from './passwords';
import { deviceOf } from './device';
import { clientAddress } from './clientAddress';
import { requireStrongPassword } from './strongPassword';
import type { RedisClientType } from 'redis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { GrowingDelay, memoryDelays, redisDelays } from './rateLimit';
import { hashToken, newToken } from './tokens';

export interface AuthOptions {
  sessionTtlMs: number;
  /** New accounts one address may create per hour. */
  signUpsPerAddressPerHour: number;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXY). */
  trustedProxies: number;
  /** Set the cookie's Secure flag (the public URL is https). */
  isSecure: boolean;
  /** A cluster's Redis: limits and delays shared by every node; in memory without one. */
  redis?: RedisClientType | null;
}

/** A signed-in request: the account and the hash of its session token. */
export interface Session {
  account: Account;
  sessionHash: string;
  expiresAt: number;
}

/** Sign-up, sign-in, sessions, and the checks every route starts with. */
export class Auth {
  /**
   * Guessing one account's password from one address: one typo is free, then the delay
   * doubles (1, 2, 4… s). Another address (the real person) is not slowed by it.
   */
  private readonly byAccountAndAddress: GrowingDelay;
  /** Guessing one account from many addresses: a delay from the tenth failure in a row. */
  private readonly byAccount: GrowingDelay;
  /** Spraying many accounts from one address: a delay from the twentieth failure in a row. */
  private readonly byAddress: GrowingDelay;
  /** The hasher, for the password-reset flow (PasswordResets). */
  readonly passwords: PasswordHasher;

  /** Sign-ups per address: a whole staff room behind one address fits, a script does not. */
  private readonly signUps: RateLimiterAbstract;

  constructor(
    private readonly people: PeopleStore,
    private readonly hasher: PasswordHasher,
    private readonly options: AuthOptions,
  ) {
    // With Redis, every node of a cluster counts the same sign-ups and failed sign-ins.
    this.passwords = hasher;
    const { redis } = options;
    const delays = redis ? redisDelays(redis, 'tandem:delay:') : memoryDelays();
    this.byAccountAndAddress = new GrowingDelay(delays, 1_000, 1);
    this.byAccount = new GrowingDelay(delays, 1_000, 9);
    this.byAddress = new GrowingDelay(delays, 1_000, 19);
    const limits = { points: options.signUpsPerAddressPerHour, duration: 60 * 60 };
    this.signUps = redis
      ? new RateLimiterRedis({
          ...limits,
          storeClient: redis,
          useRedisPackage: true,
          keyPrefix: 'tandem:signups',
        })
      : new RateLimiterMemory(limits);
  }

  async signUp(input: NewAccount, req: IncomingMessage, res: ServerResponse): Promise<Account> {
    await requireStrongPassword(input.password, [input.email, input.name]);
    await this.signUps.consume(this.addressOf(req)).catch((refusal: unknown) => {
      const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 60_000;
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many new accounts from this address.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    });
    const account = await this.people.createAccount(
      {
        email: input.email,
        name: input.name,
        language: input.language,
        timeZone: input.timeZone ?? null,
      },
      await this.hasher.hash(input.password),
    );
    await this.startSession(account, req, res);
    return account;
  }

  async signIn(
    email: string,
    password: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<Account> {
    const address = this.addressOf(req);
    const account = email.trim().toLowerCase();
    const keys = [
      [this.byAccountAndAddress, `${account} ${address}`],
      [this.byAccount, account],
      [this.byAddress, address],
    ] as const;
    // Every limit counts the attempt now, before the (slow) hash; concurrent guesses after
    // the first are answered at once with the time to wait.
    for (const [limit, key] of keys) {
      const waitMs = await limit.begin(key);
      if (waitMs !== null) {
        throw new AppError(
          ErrorCode.RATE_LIMITED,
          'Too many failed sign-ins: wait and try again.',
          {
            retryAfterSeconds: Math.ceil(waitMs / 1000),
          },
        );
      }
    }
    const credentials = await this.people.findCredentials(email);
    const isValid = await this.hasher.verify(password, credentials?.passwordHash ?? null);
    if (!credentials || !isValid) {
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The email or the password is wrong.');
    }
    for (const [limit, key] of keys) await limit.succeed(key);
    await this.startSession(credentials.account, req, res);
    return credentials.account;
  }

  /** The real client address (see TRUSTED_PROXY), for limits and the audit trail. */
  addressOf(req: IncomingMessage): string {
    return clientAddress(req, this.options.trustedProxies);
  }

  /**
   * Changes the signed-in person's password after checking the current one; every other
   * session of the account ends. Resolves to the hashes of the sessions that ended.
   */
  async changePassword(
    session: Session,
    currentPassword: string,
    newPassword: string,
  ): Promise<string[]> {
    await this.checkPassword(session, currentPassword);
    await requireStrongPassword(newPassword, [session.account.email, session.account.name]);
    await this.people.setPassword(session.account.id, await this.hasher.hash(newPassword));
    return this.people.deleteOtherSessions(session.account.id, session.sessionHash);
  }

  /**
   * Checks the signed-in person's current password before a change that needs it (a new
   * password or address, deleting the account); wrong guesses slow down as at sign-in.
   */
  async checkPassword(session: Session, password: string): Promise<void> {
    const key = session.account.email.toLowerCase();
    const waitMs = await this.byAccount.begin(key);
    if (waitMs !== null) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many wrong passwords: wait and try again.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const credentials = await this.people.findCredentials(session.account.email);
    if (!credentials || !(await this.hasher.verify(password, credentials.passwordHash))) {
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.');
    }
    await this.byAccount.succeed(key);
  }

  /** Ends the request's session; resolves to its hash (to close its connections), if any. */
  async signOut(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
    const token = readCookie(req, SESSION_COOKIE);
    clearSessionCookie(res, this.options.isSecure);
    if (!token) return null;
    const sessionHash = hashToken(token);
    await this.people.deleteSession(sessionHash);
    return sessionHash;
  }

  async sessionOf(req: IncomingMessage): Promise<Session | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return null;
    const sessionHash = hashToken(token);
    const found = await this.people.findSession(sessionHash, Date.now());
    const account = found ? await this.people.findAccount(found.accountId) : null;
    return account && found ? { account, sessionHash, expiresAt: found.expiresAt } : null;
  }

  async requireSession(req: IncomingMessage): Promise<Session> {
    const session = await this.sessionOf(req);
    if (!session) throw new AppError(ErrorCode.UNAUTHORIZED, 'Sign in first.');
    return session;
  }

  /** The caller's membership in the partnership; 403 for anyone else, whether or not it exists. */
  async requireMember(
    req: IncomingMessage,
    partnershipId: string,
  ): Promise<Session & { member: Member }> {
    const session = await this.requireSession(req);
    const member = await this.people.findMember(partnershipId, session.account.id);
    if (!member)
      throw new AppError(ErrorCode.FORBIDDEN, 'You are not a member of this partnership.');
    return { ...session, member };
  }

  /** A new session for `account`, its cookie on `res` (sign-up, sign-in, a password reset). */
  async startSession(account: Account, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = newToken();
    await this.people.createSession(
      hashToken(token),
      account.id,
      Date.now() + this.options.sessionTtlMs,
      deviceOf(req.headers['user-agent']),
    );
    setSessionCookie(
      res,
      token,
      Math.floor(this.options.sessionTtlMs / 1000),
      this.options.isSecure,
    );
  }
}
