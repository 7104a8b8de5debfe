import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Role, Side } from '@tandem/shared/people';
import { School } from '@tandem/shared/peopleBodies';
import type {
  Account,
  Invite,
  Member,
  Membership,
  MembershipRecord,
  NewAccountRecord,
  NewInviteRecord,
  Partnership,
  PeopleStore,
  SessionRecord,
} from '../PeopleStore';
import {
  ACCOUNT_COLUMNS,
  type AccountRow,
  deletedEmail,
  INVITE_SELECT,
  type InviteRow,
  MEMBER_COLUMNS,
  type MemberRow,
  revoked,
  toAccount,
  toInvite,
  toMember,
  toRole,
  toSide,
} from '../rows';

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';

const emailTaken = () => new AppError(ErrorCode.EMAIL_TAKEN, 'This email already has an account.');

export class SqlitePeopleStore implements PeopleStore {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Prepares each statement once: sessions and members are looked up on every request. */
  private prepare<P extends unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement as Database.Statement<P, R>;
  }

  createAccount(account: NewAccountRecord, passwordHash: string): Promise<Account> {
    const id = crypto.randomUUID();
    try {
      this.prepare(
        `INSERT INTO accounts (id, email, password_hash, name, language, time_zone, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        account.email,
        passwordHash,
        account.name,
        account.language,
        account.timeZone,
        Date.now(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return Promise.resolve({ id, ...account, emailConfirmed: false });
  }

  findAccount(id: string): Promise<Account | null> {
    const row = this.prepare<[string], AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`,
    ).get(id);
    return Promise.resolve(row ? toAccount(row) : null);
  }

  findCredentials(email: string) {
    const row = this.prepare<[string], AccountRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = ?`,
    ).get(email);
    return Promise.resolve(
      row ? { account: toAccount(row), passwordHash: row.password_hash } : null,
    );
  }

  async updateAccount(
    id: string,
    changes: Partial<Pick<Account, 'name' | 'language' | 'timeZone'>>,
  ) {
    this.prepare(
      `UPDATE accounts SET name = COALESCE(?, name), language = COALESCE(?, language),
           time_zone = COALESCE(?, time_zone) WHERE id = ?`,
    ).run(changes.name ?? null, changes.language ?? null, changes.timeZone ?? null, id);
    const account = await this.findAccount(id);
    if (!account) throw new AppError(ErrorCode.NOT_FOUND, 'No such account.');
    return account;
  }

  createSession(
    tokenHash: string,
    accountId: string,
    expiresAt: number,
    device = '',
  ): Promise<void> {
    this.prepare(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at, device) VALUES (?, ?, ?, ?, ?)',
    ).run(tokenHash, accountId, Date.now(), expiresAt, device);
    return Promise.resolve();
  }

  listSessions(accountId: string, now: number): Promise<SessionRecord[]> {
    const rows = this.prepare<
      [string, number],
      { token_hash: string; created_at: number; device: string }
    >(
      'SELECT token_hash, created_at, device FROM sessions WHERE account_id = ? AND expires_at > ? ORDER BY created_at DESC',
    ).all(accountId, now);
    return Promise.resolve(
      rows.map((r) => ({ tokenHash: r.token_hash, createdAt: r.created_at, device: r.device })),
    );
  }

  findSession(tokenHash: string, now: number) {
    const row = this.prepare<[string, number], { account_id: string; expires_at: number }>(
      'SELECT account_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?',
    ).get(tokenHash, now);
    return Promise.resolve(row ? { accountId: row.account_id, expiresAt: row.expires_at } : null);
  }

  deleteSession(tokenHash: string): Promise<void> {
    this.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return Promise.resolve();
  }

  deleteOtherSessions(accountId: string, keepHash: string): Promise<string[]> {
    const ended = this.db.transaction(() => {
      const rows = this.prepare<[string, string], { token_hash: string }>(
        'SELECT token_hash FROM sessions WHERE account_id = ? AND token_hash <> ?',
      ).all(accountId, keepHash);
      this.prepare('DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?').run(
        accountId,
        keepHash,
      );
      return rows.map((row) => row.token_hash);
    });
    return Promise.resolve(ended());
  }

  purgeExpiredSessions(now: number): Promise<number> {
    return Promise.resolve(
      this.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes,
    );
  }

  setPassword(accountId: string, passwordHash: string): Promise<void> {
    this.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, accountId);
    return Promise.resolve();
  }

  createPasswordReset(
    tokenHash: string,
    accountId: string,
    now: number,
    expiresAt: number,
  ): Promise<void> {
    this.prepare(
      'INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ).run(tokenHash, accountId, now, expiresAt);
    return Promise.resolve();
  }

  findPasswordReset(tokenHash: string, now: number): Promise<string | null> {
    const row = this.prepare<[string, number], { account_id: string }>(
      'SELECT account_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    ).get(tokenHash, now);
    return Promise.resolve(row?.account_id ?? null);
  }

  takePasswordReset(tokenHash: string, now: number): Promise<string | null> {
    const accountId = this.db.transaction(() => {
      const row = this.prepare<[string, number], { account_id: string }>(
        'SELECT account_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      ).get(tokenHash, now);
      if (!row) return null;
      this.prepare(
        'UPDATE password_resets SET used_at = ? WHERE account_id = ? AND used_at IS NULL',
      ).run(now, row.account_id);
      return row.account_id;
    })();
    return Promise.resolve(accountId);
  }

  createEmailConfirmation(
    tokenHash: string,
    accountId: string,
    email: string,
    now: number,
    expiresAt: number,
  ): Promise<void> {
    this.prepare(
      'INSERT INTO email_confirmations (token_hash, account_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(tokenHash, accountId, email, now, expiresAt);
    return Promise.resolve();
  }

  async takeEmailConfirmation(tokenHash: string, now: number) {
    const taken = this.db.transaction(() => {
      const row = this.prepare<[string, number], { account_id: string; email: string }>(
        `SELECT c.account_id, c.email FROM email_confirmations c
           JOIN accounts a ON a.id = c.account_id
           WHERE c.token_hash = ? AND c.used_at IS NULL AND c.expires_at > ? AND a.deleted_at IS NULL`,
      ).get(tokenHash, now);
      if (!row) return null;
      const before = this.prepare<[string], { email: string }>(
        'SELECT email FROM accounts WHERE id = ?',
      ).get(row.account_id);
      this.prepare(
        'UPDATE email_confirmations SET used_at = ? WHERE account_id = ? AND used_at IS NULL',
      ).run(now, row.account_id);
      try {
        this.prepare('UPDATE accounts SET email = ?, email_confirmed_at = ? WHERE id = ?').run(
          row.email,
          now,
          row.account_id,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
      return { accountId: row.account_id, previousEmail: before?.email ?? row.email };
    })();
    if (!taken) return null;
    const account = await this.findAccount(taken.accountId);
    return account && { account, previousEmail: taken.previousEmail };
  }

  async setEmail(accountId: string, email: string): Promise<Account> {
    try {
      this.prepare('UPDATE accounts SET email = ?, email_confirmed_at = NULL WHERE id = ?').run(
        email,
        accountId,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    const account = await this.findAccount(accountId);
    if (!account) throw new AppError(ErrorCode.NOT_FOUND, 'No such account.');
    return account;
  }

  listAllMemberships(accountId: string): Promise<MembershipRecord[]> {
    const rows = this.prepare<
      [string],
      {
        id: string;
        partnership_id: string;
        side: string;
        role: string;
        joined_at: number;
        removed_at: number | null;
      }
    >(
      `SELECT id, partnership_id, side, role, joined_at, removed_at FROM members
         WHERE account_id = ? ORDER BY joined_at`,
    ).all(accountId);
    return Promise.resolve(
      rows.map((r) => ({
        memberId: r.id,
        partnershipId: r.partnership_id,
        side: toSide(r.side),
        role: toRole(r.role),
        joinedAt: r.joined_at,
        removedAt: r.removed_at,
      })),
    );
  }

  deleteAccount(accountId: string, now: number): Promise<string[]> {
    const ended = this.db.transaction(() => {
      const sessions = this.prepare<[string], { token_hash: string }>(
        'SELECT token_hash FROM sessions WHERE account_id = ?',
      ).all(accountId);
      this.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId);
      this.prepare('DELETE FROM password_resets WHERE account_id = ?').run(accountId);
      this.prepare('DELETE FROM email_confirmations WHERE account_id = ?').run(accountId);
      const members = this.prepare<[string], { id: string }>(
        'SELECT id FROM members WHERE account_id = ? AND removed_at IS NULL',
      ).all(accountId);
      for (const { id } of members) {
        this.prepare('UPDATE members SET removed_at = ? WHERE id = ?').run(now, id);
        this.revokeInvitesBy(id, now);
      }
      this.prepare(
        `UPDATE accounts SET email = ?, name = '', password_hash = '!', time_zone = NULL,
           email_confirmed_at = NULL, deleted_at = ? WHERE id = ?`,
      ).run(deletedEmail(accountId), now, accountId);
      return sessions.map((row) => row.token_hash);
    });
    return Promise.resolve(ended());
  }

  createPartnership(id: string, creator: Account, sides: Record<Side, School>): Promise<Member> {
    const memberId = crypto.randomUUID();
    const now = Date.now();
    this.db.transaction(() => {
      this.prepare('INSERT INTO partnerships (id, created_by, created_at) VALUES (?, ?, ?)').run(
        id,
        creator.id,
        now,
      );
      const insertSide = this.prepare(
        'INSERT INTO sides (partnership_id, side, school) VALUES (?, ?, ?)',
      );
      insertSide.run(id, 'A', JSON.stringify(sides.A));
      insertSide.run(id, 'B', JSON.stringify(sides.B));
      this.prepare(
        `INSERT INTO members (id, partnership_id, account_id, side, role, joined_at)
           VALUES (?, ?, ?, 'A', 'coordinator', ?)`,
      ).run(memberId, id, creator.id, now);
    })();
    return Promise.resolve({
      id: memberId,
      partnershipId: id,
      accountId: creator.id,
      name: creator.name,
      side: 'A',
      role: 'coordinator',
      joinedAt: now,
    });
  }

  getPartnership(id: string): Promise<Partnership | null> {
    const row = this.prepare<[string], { id: string; created_at: number }>(
      'SELECT id, created_at FROM partnerships WHERE id = ?',
    ).get(id);
    if (!row) return Promise.resolve(null);
    return Promise.resolve({
      id: row.id,
      createdAt: row.created_at,
      sides: this.schoolsOf(id),
      members: this.prepare<[string], MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM members m JOIN accounts a ON a.id = m.account_id
           WHERE m.partnership_id = ? AND m.removed_at IS NULL ORDER BY m.side, m.joined_at`,
      )
        .all(id)
        .map(toMember),
      formerMembers: this.prepare<[string], { id: string; side: string }>(
        'SELECT id, side FROM members WHERE partnership_id = ? AND removed_at IS NOT NULL',
      )
        .all(id)
        .map((row) => ({ id: row.id, side: toSide(row.side) })),
    });
  }

  updateSchool(partnershipId: string, side: Side, school: School): Promise<void> {
    this.prepare('UPDATE sides SET school = ? WHERE partnership_id = ? AND side = ?').run(
      JSON.stringify(school),
      partnershipId,
      side,
    );
    return Promise.resolve();
  }

  listMemberships(accountId: string): Promise<Membership[]> {
    const rows = this.prepare<
      [string],
      { id: string; partnership_id: string; side: string; role: string }
    >(
      `SELECT id, partnership_id, side, role FROM members
         WHERE account_id = ? AND removed_at IS NULL ORDER BY joined_at DESC`,
    ).all(accountId);
    return Promise.resolve(
      rows.map((row) => {
        const schools = this.schoolsOf(row.partnership_id);
        return {
          memberId: row.id,
          partnershipId: row.partnership_id,
          side: toSide(row.side),
          role: toRole(row.role),
          schools: { A: schools.A.name, B: schools.B.name },
        };
      }),
    );
  }

  findMember(partnershipId: string, accountId: string): Promise<Member | null> {
    const row = this.prepare<[string, string], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN accounts a ON a.id = m.account_id
         WHERE m.partnership_id = ? AND m.account_id = ? AND m.removed_at IS NULL`,
    ).get(partnershipId, accountId);
    return Promise.resolve(row ? toMember(row) : null);
  }

  getMember(memberId: string): Promise<Member | null> {
    const row = this.prepare<[string], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN accounts a ON a.id = m.account_id
         WHERE m.id = ? AND m.removed_at IS NULL`,
    ).get(memberId);
    return Promise.resolve(row ? toMember(row) : null);
  }

  listActiveMembers(): Promise<Member[]> {
    const rows = this.prepare<[], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN accounts a ON a.id = m.account_id
         WHERE m.removed_at IS NULL`,
    ).all();
    return Promise.resolve(rows.map(toMember));
  }

  changeRole(memberId: string, role: Role, now: number): Promise<void> {
    this.db.transaction(() => {
      this.prepare('UPDATE members SET role = ? WHERE id = ?').run(role, memberId);
      if (role !== 'coordinator') this.revokeInvitesBy(memberId, now);
    })();
    return Promise.resolve();
  }

  removeMember(memberId: string, now: number): Promise<void> {
    this.db.transaction(() => {
      this.prepare('UPDATE members SET removed_at = ? WHERE id = ?').run(now, memberId);
      this.revokeInvitesBy(memberId, now);
    })();
    return Promise.resolve();
  }

  private revokeInvitesBy(memberId: string, now: number): void {
    this.prepare(
      'UPDATE invites SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL',
    ).run(now, memberId);
  }

  createInvite(tokenHash: string, invite: NewInviteRecord, createdBy: string): Promise<string> {
    const id = crypto.randomBytes(12).toString('hex');
    this.prepare(
      `INSERT INTO invites (id, token_hash, partnership_id, side, role, max_uses, uses, expires_at,
           created_by, created_at, email) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ).run(
      id,
      tokenHash,
      invite.partnershipId,
      invite.side,
      invite.role,
      invite.maxUses,
      invite.expiresAt,
      createdBy,
      Date.now(),
      invite.email,
    );
    return Promise.resolve(id);
  }

  findInvite(tokenHash: string): Promise<Invite | null> {
    const row = this.prepare<[string], InviteRow>(`${INVITE_SELECT} WHERE i.token_hash = ?`).get(
      tokenHash,
    );
    return Promise.resolve(row ? toInvite(row) : null);
  }

  listOpenInvites(partnershipId: string, now: number): Promise<Invite[]> {
    const rows = this.prepare<[string, number], InviteRow>(
      `${INVITE_SELECT} WHERE i.partnership_id = ? AND i.revoked_at IS NULL
         AND i.expires_at > ? AND i.uses < i.max_uses ORDER BY i.created_at DESC`,
    ).all(partnershipId, now);
    return Promise.resolve(rows.map(toInvite));
  }

  revokeInvite(partnershipId: string, inviteId: string, now: number): Promise<boolean> {
    const { changes } = this.prepare(
      `UPDATE invites SET revoked_at = ?
         WHERE id = ? AND partnership_id = ? AND revoked_at IS NULL`,
    ).run(now, inviteId, partnershipId);
    return Promise.resolve(changes > 0);
  }

  acceptInvite(tokenHash: string, account: Account, now: number): Promise<Member> {
    const accept = this.db.transaction((): Member => {
      const row = this.prepare<[string], InviteRow>(`${INVITE_SELECT} WHERE i.token_hash = ?`).get(
        tokenHash,
      );
      if (!row)
        throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
      const invite = toInvite(row);
      if (invite.revokedAt !== null) throw revoked('This invitation was withdrawn.');
      if (invite.expiresAt <= now)
        throw new AppError(ErrorCode.INVITE_EXPIRED, 'This invitation has expired.');
      if (invite.uses >= invite.maxUses)
        throw new AppError(ErrorCode.INVITE_USED_UP, 'This invitation has been used up.');
      // The other school's first coordinator is the one person a coordinator may invite
      // there (P11), so the rule holds when the link is used, not only when it was made.
      if (invite.createdBySide !== invite.side && this.hasCoordinator(invite)) {
        throw revoked('This invitation is void: the school already has a coordinator.');
      }
      const existing = this.prepare<[string, string], { id: string; removed_at: number | null }>(
        'SELECT id, removed_at FROM members WHERE partnership_id = ? AND account_id = ?',
      ).get(invite.partnershipId, account.id);
      if (existing && existing.removed_at === null) {
        throw new AppError(
          ErrorCode.ALREADY_MEMBER,
          'You are already a member of this partnership.',
        );
      }
      if (existing?.removed_at != null && invite.createdAt <= existing.removed_at) {
        throw revoked('This invitation was made before you were removed: ask for a new one.');
      }
      const id = existing?.id ?? crypto.randomUUID();
      // A member removed earlier and invited again comes back under the same id, so what they
      // wrote before stays attributed to them.
      this.prepare(
        `INSERT INTO members (id, partnership_id, account_id, side, role, joined_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET side = excluded.side, role = excluded.role,
             joined_at = excluded.joined_at, removed_at = NULL`,
      ).run(id, invite.partnershipId, account.id, invite.side, invite.role, now);
      this.prepare('UPDATE invites SET uses = uses + 1 WHERE token_hash = ?').run(tokenHash);
      return {
        id,
        partnershipId: invite.partnershipId,
        accountId: account.id,
        name: account.name,
        side: invite.side,
        role: invite.role,
        joinedAt: now,
      };
    });
    return Promise.resolve(accept());
  }

  private hasCoordinator(invite: Invite): boolean {
    return (
      this.prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM members WHERE partnership_id = ? AND side = ?
           AND role = 'coordinator' AND removed_at IS NULL`,
      ).get(invite.partnershipId, invite.side)?.n !== 0
    );
  }

  private schoolsOf(partnershipId: string): Record<Side, School> {
    const rows = this.prepare<[string], { side: string; school: string }>(
      'SELECT side, school FROM sides WHERE partnership_id = ?',
    ).all(partnershipId);
    const schools: Partial<Record<Side, School>> = {};
    for (const row of rows) schools[toSide(row.side)] = School.parse(JSON.parse(row.school));
    if (!schools.A || !schools.B) throw new Error(`partnership ${partnershipId} lacks a side`);
    return { A: schools.A, B: schools.B };
  }
}
