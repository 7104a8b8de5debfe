import type { Account, Membership } from '@tandem/shared/api';
import type { Role, School, Side } from '@tandem/shared/people';

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
}

export interface Invite {
  partnershipId: string;
  side: Side;
  role: Role;
  maxUses: number;
  uses: number;
  expiresAt: number;
}

/**
 * Accounts, sessions, partnerships, members and invitations. SQLite is the embedded default;
 * the methods are async so a PostgreSQL implementation can take its place.
 */
export interface PeopleStore {
  /** Throws AppError EMAIL_TAKEN when the email has an account. */
  createAccount(account: Omit<Account, 'id'>, passwordHash: string): Promise<Account>;
  findAccount(id: string): Promise<Account | null>;
  findCredentials(email: string): Promise<{ account: Account; passwordHash: string } | null>;
  updateAccount(
    id: string,
    changes: Partial<Pick<Account, 'name' | 'language' | 'timeZone'>>,
  ): Promise<Account>;

  createSession(tokenHash: string, accountId: string, expiresAt: number): Promise<void>;
  /** The account of a session that has not expired at `now`. */
  findSession(
    tokenHash: string,
    now: number,
  ): Promise<{ accountId: string; expiresAt: number } | null>;
  deleteSession(tokenHash: string): Promise<void>;

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
  changeRole(memberId: string, role: Role): Promise<void>;
  removeMember(memberId: string, now: number): Promise<void>;

  createInvite(tokenHash: string, invite: Invite, createdBy: string): Promise<void>;
  findInvite(tokenHash: string): Promise<Invite | null>;
  /**
   * Uses one invitation for an account, in one transaction. Throws AppError INVITE_NOT_FOUND,
   * INVITE_EXPIRED, INVITE_USED_UP or ALREADY_MEMBER.
   */
  acceptInvite(tokenHash: string, account: Account, now: number): Promise<Member>;
}
