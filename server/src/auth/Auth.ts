import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { type NewAccount, passwordProblem } from '@tandem/shared/people';
import type { Account, Member, PeopleStore } from '../persistence/PeopleStore';
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from './cookies';
import type { PasswordHasher } from './passwords';
import { FailureLimiter } from './rateLimit';
import { hashToken, newToken } from './tokens';

export interface AuthOptions {
  sessionTtlMs: number;
  /** Set the cookie's Secure flag (the public URL is https). */
  isSecure: boolean;
}

/** A signed-in request: the account and the hash of its session token. */
export interface Session {
  account: Account;
  sessionHash: string;
  expiresAt: number;
}

const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Sign-up, sign-in, sessions, and the checks every route starts with. */
export class Auth {
  /** Guessing one account's password: 5 failures per 15 minutes. */
  private readonly byEmail = new FailureLimiter(5, FAILURE_WINDOW_MS);
  /** Spraying many accounts from one address: 20 failures per 15 minutes. */
  private readonly byAddress = new FailureLimiter(20, FAILURE_WINDOW_MS);

  constructor(
    private readonly people: PeopleStore,
    private readonly hasher: PasswordHasher,
    private readonly options: AuthOptions,
  ) {}

  async signUp(input: NewAccount, res: ServerResponse): Promise<Account> {
    const problem = passwordProblem(input.password, input.email);
    if (problem) {
      throw new AppError(
        ErrorCode.WEAK_PASSWORD,
        problem === 'tooShort'
          ? 'The password is too short.'
          : 'The password is too easy to guess.',
      );
    }
    const account = await this.people.createAccount(
      {
        email: input.email,
        name: input.name,
        language: input.language,
        timeZone: input.timeZone ?? null,
      },
      await this.hasher.hash(input.password),
    );
    await this.startSession(account, res);
    return account;
  }

  async signIn(
    email: string,
    password: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<Account> {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (this.byEmail.isBlocked(email) || this.byAddress.isBlocked(address)) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        'Too many failed sign-ins. Wait 15 minutes and try again.',
      );
    }
    const credentials = await this.people.findCredentials(email);
    const isValid = await this.hasher.verify(password, credentials?.passwordHash ?? null);
    if (!credentials || !isValid) {
      this.byEmail.recordFailure(email);
      this.byAddress.recordFailure(address);
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The email or the password is wrong.');
    }
    this.byEmail.reset(email);
    await this.startSession(credentials.account, res);
    return credentials.account;
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

  private async startSession(account: Account, res: ServerResponse): Promise<void> {
    const token = newToken();
    await this.people.createSession(
      hashToken(token),
      account.id,
      Date.now() + this.options.sessionTtlMs,
    );
    setSessionCookie(
      res,
      token,
      Math.floor(this.options.sessionTtlMs / 1000),
      this.options.isSecure,
    );
  }
}
