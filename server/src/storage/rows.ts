import { AppError, ErrorCode } from '@tandem/shared/errors';
import { isUiLanguage } from '@tandem/shared/i18n/index';
import { ROLES, type Role, type Side } from '@tandem/shared/people';
import type { Account, Invite, Member } from './PeopleStore';

/** The people tables' rows as both stores read them, parsed on the way out: the database is a boundary too. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  language: string;
  time_zone: string | null;
  email_confirmed_at: number | null;
}
/** The account columns toAccount reads. */
export const ACCOUNT_COLUMNS = 'id, email, name, language, time_zone, email_confirmed_at';
export interface MemberRow {
  id: string;
  partnership_id: string;
  account_id: string;
  name: string;
  side: string;
  role: string;
  joined_at: number;
}
export interface InviteRow {
  id: string;
  partnership_id: string;
  side: string;
  role: string;
  max_uses: number;
  uses: number;
  expires_at: number;
  created_by: string;
  created_by_side: string;
  created_at: number;
  revoked_at: number | null;
  email: string | null;
}

export const INVITE_SELECT = `SELECT i.id, i.partnership_id, i.side, i.role, i.max_uses, i.uses,
    i.expires_at, i.created_by, c.side AS created_by_side, i.created_at, i.revoked_at,
    i.email
  FROM invites i JOIN members c ON c.id = i.created_by`;

export const MEMBER_COLUMNS = `m.id, m.partnership_id, m.account_id, a.name, m.side, m.role, m.joined_at`;

/** A deleted account's address: unique, and no address anyone can sign in or sign up with. */
export const deletedEmail = (accountId: string) => `deleted:${accountId}`;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: isUiLanguage(row.language) ? row.language : 'en',
    timeZone: row.time_zone,
    emailConfirmed: row.email_confirmed_at !== null,
  };
}

export function toSide(value: string): Side {
  if (value === 'A' || value === 'B') return value;
  throw new Error(`corrupt side ${value}`);
}

export function toRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`corrupt role ${value}`);
  return role;
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    accountId: row.account_id,
    name: row.name,
    side: toSide(row.side),
    role: toRole(row.role),
    joinedAt: row.joined_at,
  };
}

export function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    side: toSide(row.side),
    role: toRole(row.role),
    maxUses: row.max_uses,
    uses: row.uses,
    expiresAt: row.expires_at,
    createdBy: row.created_by,
    createdBySide: toSide(row.created_by_side),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    email: row.email,
  };
}

export const revoked = (message: string) => new AppError(ErrorCode.INVITE_REVOKED, message);
