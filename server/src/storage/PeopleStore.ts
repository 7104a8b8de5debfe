import type { Account, Membership } from '@tandem/shared/api';
import type { Role, Side } from '@tandem/shared/people';
import type { School } from '@tandem/shared/peopleBodies';

export type { Account, Membership };

export interface Member {
  id: string;
  partnershipId: string;
  accountId: string;
  name: string;
  side: Side;
  role: Role;
  joinedAt: number;
}

export interface Partnership {
  id: string;
  createdAt: number;
  sides: Record<Side, School>;
  members: Member[];
  /** Members who left or were removed (or deleted their account): their side only, no name. */
  formerMembers: { id: string; side: Side }[];
}

/** Every membership an account has had, removed ones included (its data download). */
export interface MembershipRecord {
  memberId: string;
  partnershipId: string;
  side: Side;
  role: Role;
  joinedAt: number;
  removedAt: number | null;
}

/** What a new account is made of: its address starts unconfirmed. */
export type NewAccountRecord = Omit<Account, 'id' | 'emailConfirmed'>;

export interface NewInviteRecord {
  partnershipId: string;
  side: Side;
  role: Role;
  maxUses: number;
  uses: number;
  expiresAt: number;
  /** Where it was emailed (null: a link to share by hand). */
  email: string | null;
}

export interface Invite extends NewInviteRecord {
  id: string;
  /** The coordinator who made it, and their side (an invite for the other school's first coordinator differs). */
  createdBy: string;
  createdBySide: Side;
  createdAt: number;
  revokedAt: number | null;
}

/** One signed-in device of an account (only the hash of its token is kept). */
export interface SessionRecord {
  tokenHash: string;
  createdAt: number;
  device: string;
}

/**
 * Accounts, sessions, partnerships, members and invitations. SQLite is the embedded default;
 * the methods are async so a PostgreSQL implementation can take its place.
 */
export interface PeopleStore {
  /** Throws AppError EMAIL_TAKEN when the email has an account. */
  createAccount(account: NewAccountRecord, passwordHash: string): Promise<Account>;
  findAccount(id: string): Promise<Account | null>;
  findCredentials(email: string): Promise<{ account: Account; passwordHash: string } | null>;
  updateAccount(
    id: string,
    changes: Partial<Pick<Account, 'name' | 'language' | 'timeZone'>>,
  ): Promise<Account>;

  /** `device` names the browser and system it was opened from ("Firefox on Windows"). */
  createSession(
    tokenHash: string,
    accountId: string,
    expiresAt: number,
    device?: string,
  ): Promise<void>;
  /** The account's sessions that have not expired at `now`, newest first. */
  listSessions(accountId: string, now: number): Promise<SessionRecord[]>;
  /** The account of a session that has not expired at `now`. */
  findSession(
    tokenHash: string,
    now: number,
  ): Promise<{ accountId: string; expiresAt: number } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account but one; resolves to the hashes of those ended. */
  deleteOtherSessions(accountId: string, keepHash: string): Promise<string[]>;
  /** Deletes sessions that expired before `now`; resolves to how many. */
  purgeExpiredSessions(now: number): Promise<number>;
  setPassword(accountId: string, passwordHash: string): Promise<void>;
  /** Keeps a password-reset link (its token's hash) until `expiresAt`. */
  createPasswordReset(
    tokenHash: string,
    accountId: string,
    now: number,
    expiresAt: number,
  ): Promise<void>;
  /** The account of an unused, unexpired reset link, without using it; null otherwise. */
  findPasswordReset(tokenHash: string, now: number): Promise<string | null>;
  /**
   * Uses a reset link once: resolves to its account when it is unused and unexpired, and then
   * ends every other reset link of that account too; null otherwise.
   */
  takePasswordReset(tokenHash: string, now: number): Promise<string | null>;

  /** Keeps a confirmation link (its token's hash) for `email`: the account's or its next one. */
  createEmailConfirmation(
    tokenHash: string,
    accountId: string,
    email: string,
    now: number,
    expiresAt: number,
  ): Promise<void>;
  /**
   * Uses a confirmation link once, ending the account's other links: the account's address
   * becomes the link's, confirmed. Resolves to the account and the address it had; null for an
   * unknown, used or expired link. Throws AppError EMAIL_TAKEN when another account has the
   * address by now.
   */
  takeEmailConfirmation(
    tokenHash: string,
    now: number,
  ): Promise<{ account: Account; previousEmail: string } | null>;
  /** Sets the address at once, unconfirmed (a server without email). Throws EMAIL_TAKEN. */
  setEmail(accountId: string, email: string): Promise<Account>;
  listAllMemberships(accountId: string): Promise<MembershipRecord[]>;
  /**
   * Deletes an account in one transaction: its address, name and password are erased (the row
   * stays for what refers to it), its memberships end, its links and sessions go. Resolves to
   * the hashes of the sessions ended.
   */
  deleteAccount(accountId: string, now: number): Promise<string[]>;

  /** Creates the partnership with its creator as side A's coordinator, in one transaction. */
  createPartnership(id: string, creator: Account, sides: Record<Side, School>): Promise<Member>;
  getPartnership(id: string): Promise<Partnership | null>;
  updateSchool(partnershipId: string, side: Side, school: School): Promise<void>;
  listMemberships(accountId: string): Promise<Membership[]>;
  /** The active member for an account in a partnership. */
  findMember(partnershipId: string, accountId: string): Promise<Member | null>;
  getMember(memberId: string): Promise<Member | null>;
  /** Every active member of every partnership (daily digests). */
  listActiveMembers(): Promise<Member[]>;
  /** Changes a role; a member who stops coordinating loses the invitations they made. */
  changeRole(memberId: string, role: Role, now: number): Promise<void>;
  /** Removes a member and revokes the invitations they made, in one transaction. */
  removeMember(memberId: string, now: number): Promise<void>;

  /** Stores a new invitation (made by member `createdBy`) and returns its id. */
  createInvite(tokenHash: string, invite: NewInviteRecord, createdBy: string): Promise<string>;
  findInvite(tokenHash: string): Promise<Invite | null>;
  /** Invitations of a partnership that can still be accepted at `now`, newest first. */
  listOpenInvites(partnershipId: string, now: number): Promise<Invite[]>;
  /** Revokes one invitation; false when the partnership has no such open invitation. */
  revokeInvite(partnershipId: string, inviteId: string, now: number): Promise<boolean>;
  /**
   * Uses one invitation for an account, in one transaction. Throws AppError INVITE_NOT_FOUND,
   * INVITE_EXPIRED, INVITE_USED_UP, INVITE_REVOKED (revoked; or made for the other school's
   * first coordinator after it got one; or made before this account was removed) or
   * ALREADY_MEMBER.
   */
  acceptInvite(tokenHash: string, account: Account, now: number): Promise<Member>;
}
