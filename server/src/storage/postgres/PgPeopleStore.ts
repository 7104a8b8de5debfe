import crypto from 'node:crypto';
import type pg from 'pg';
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
import { inTransaction } from './database';

type Queryable = pg.Pool | pg.PoolClient;

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && 'code' in error && error.code === '23505';

const emailTaken = () => new AppError(ErrorCode.EMAIL_TAKEN, 'This email already has an account.');

async function one<R extends pg.QueryResultRow>(
  db: Queryable,
  sql: string,
  values: unknown[],
): Promise<R | undefined> {
  return (await db.query<R>(sql, values)).rows[0];
}

const MEMBERS_FROM = 'FROM members m JOIN accounts a ON a.id = m.account_id';

/** People on PostgreSQL: the same rules as the SQLite store, every multi-write in one transaction. */
export class PgPeopleStore implements PeopleStore {
  constructor(private readonly pool: pg.Pool) {}

  async createAccount(account: NewAccountRecord, passwordHash: string): Promise<Account> {
    const id = crypto.randomUUID();
    try {
      await this.pool.query(
        `INSERT INTO accounts (id, email, password_hash, name, language, time_zone, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          account.email,
          passwordHash,
          account.name,
          account.language,
          account.timeZone,
          Date.now(),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return { id, ...account, emailConfirmed: false };
  }

  async findAccount(id: string): Promise<Account | null> {
    const row = await one<AccountRow>(
      this.pool,
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`,
      [id],
    );
    return row ? toAccount(row) : null;
  }

  async findCredentials(email: string) {
    const row = await one<AccountRow & { password_hash: string }>(
      this.pool,
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = $1`,
      [email],
    );
    return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
  }

  async updateAccount(
    id: string,
    changes: Partial<Pick<Account, 'name' | 'language' | 'timeZone'>>,
  ) {
    await this.pool.query(
      `UPDATE accounts SET name = COALESCE($1, name), language = COALESCE($2, language),
         time_zone = COALESCE($3, time_zone) WHERE id = $4`,
      [changes.name ?? null, changes.language ?? null, changes.timeZone ?? null, id],
    );
    const account = await this.findAccount(id);
    if (!account) throw new AppError(ErrorCode.NOT_FOUND, 'No such account.');
    return account;
  }

  async createSession(
    tokenHash: string,
    accountId: string,
    expiresAt: number,
    device = '',
  ): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at, device) VALUES ($1, $2, $3, $4, $5)',
      [tokenHash, accountId, Date.now(), expiresAt, device],
    );
  }

  async listSessions(accountId: string, now: number): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<{
      token_hash: string;
      created_at: number;
      device: string;
    }>(
      'SELECT token_hash, created_at, device FROM sessions WHERE account_id = $1 AND expires_at > $2 ORDER BY created_at DESC',
      [accountId, now],
    );
    return rows.map((r) => ({
      tokenHash: r.token_hash,
      createdAt: r.created_at,
      device: r.device,
    }));
  }

  async findSession(tokenHash: string, now: number) {
    const row = await one<{ account_id: string; expires_at: number }>(
      this.pool,
      'SELECT account_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2',
      [tokenHash, now],
    );
    return row ? { accountId: row.account_id, expiresAt: row.expires_at } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteOtherSessions(accountId: string, keepHash: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ token_hash: string }>(
      'DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2 RETURNING token_hash',
      [accountId, keepHash],
    );
    return rows.map((row) => row.token_hash);
  }

  async purgeExpiredSessions(now: number): Promise<number> {
    return (
      (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0
    );
  }

  async setPassword(accountId: string, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE accounts SET password_hash = $1 WHERE id = $2', [
      passwordHash,
      accountId,
    ]);
  }

  async createPasswordReset(
    tokenHash: string,
    accountId: string,
    now: number,
    expiresAt: number,
  ): Promise<void> {
    await this.pool.query(
      'INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, accountId, now, expiresAt],
    );
  }

  async findPasswordReset(tokenHash: string, now: number): Promise<string | null> {
    const { rows } = await this.pool.query<{ account_id: string }>(
      'SELECT account_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [tokenHash, now],
    );
    return rows[0]?.account_id ?? null;
  }

  async takePasswordReset(tokenHash: string, now: number): Promise<string | null> {
    return inTransaction(this.pool, async (client) => {
      // The row lock: two requests with the same link cannot both take it.
      const { rows } = await client.query<{ account_id: string }>(
        `SELECT account_id FROM password_resets
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE`,
        [tokenHash, now],
      );
      const accountId = rows[0]?.account_id;
      if (!accountId) return null;
      await client.query(
        'UPDATE password_resets SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL',
        [now, accountId],
      );
      return accountId;
    });
  }

  async createEmailConfirmation(
    tokenHash: string,
    accountId: string,
    email: string,
    now: number,
    expiresAt: number,
  ): Promise<void> {
    await this.pool.query(
      'INSERT INTO email_confirmations (token_hash, account_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [tokenHash, accountId, email, now, expiresAt],
    );
  }

  async takeEmailConfirmation(tokenHash: string, now: number) {
    const taken = await inTransaction(this.pool, async (client) => {
      // The row lock: two requests with the same link cannot both take it.
      const row = await one<{ account_id: string; email: string; previous: string }>(
        client,
        `SELECT c.account_id, c.email, a.email AS previous FROM email_confirmations c
         JOIN accounts a ON a.id = c.account_id
         WHERE c.token_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2
           AND a.deleted_at IS NULL FOR UPDATE`,
        [tokenHash, now],
      );
      if (!row) return null;
      await client.query(
        'UPDATE email_confirmations SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL',
        [now, row.account_id],
      );
      try {
        await client.query(
          'UPDATE accounts SET email = $1, email_confirmed_at = $2 WHERE id = $3',
          [row.email, now, row.account_id],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
      return { accountId: row.account_id, previousEmail: row.previous };
    });
    if (!taken) return null;
    const account = await this.findAccount(taken.accountId);
    return account && { account, previousEmail: taken.previousEmail };
  }

  async setEmail(accountId: string, email: string): Promise<Account> {
    try {
      await this.pool.query(
        'UPDATE accounts SET email = $1, email_confirmed_at = NULL WHERE id = $2',
        [email, accountId],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    const account = await this.findAccount(accountId);
    if (!account) throw new AppError(ErrorCode.NOT_FOUND, 'No such account.');
    return account;
  }

  async listAllMemberships(accountId: string): Promise<MembershipRecord[]> {
    const { rows } = await this.pool.query<{
      id: string;
      partnership_id: string;
      side: string;
      role: string;
      joined_at: number;
      removed_at: number | null;
    }>(
      `SELECT id, partnership_id, side, role, joined_at, removed_at FROM members
       WHERE account_id = $1 ORDER BY joined_at`,
      [accountId],
    );
    return rows.map((r) => ({
      memberId: r.id,
      partnershipId: r.partnership_id,
      side: toSide(r.side),
      role: toRole(r.role),
      joinedAt: r.joined_at,
      removedAt: r.removed_at,
    }));
  }

  async deleteAccount(accountId: string, now: number): Promise<string[]> {
    return inTransaction(this.pool, async (client) => {
      const sessions = await client.query<{ token_hash: string }>(
        'DELETE FROM sessions WHERE account_id = $1 RETURNING token_hash',
        [accountId],
      );
      await client.query('DELETE FROM password_resets WHERE account_id = $1', [accountId]);
      await client.query('DELETE FROM email_confirmations WHERE account_id = $1', [accountId]);
      const members = await client.query<{ id: string }>(
        'UPDATE members SET removed_at = $1 WHERE account_id = $2 AND removed_at IS NULL RETURNING id',
        [now, accountId],
      );
      for (const { id } of members.rows) await revokeInvitesBy(client, id, now);
      await client.query(
        `UPDATE accounts SET email = $1, name = '', password_hash = '!', time_zone = NULL,
           email_confirmed_at = NULL, deleted_at = $2 WHERE id = $3`,
        [deletedEmail(accountId), now, accountId],
      );
      return sessions.rows.map((row) => row.token_hash);
    });
  }

  async createPartnership(id: string, creator: Account, sides: Record<Side, School>) {
    const memberId = crypto.randomUUID();
    const now = Date.now();
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO partnerships (id, created_by, created_at) VALUES ($1, $2, $3)',
        [id, creator.id, now],
      );
      for (const side of ['A', 'B'] as const) {
        await client.query('INSERT INTO sides (partnership_id, side, school) VALUES ($1, $2, $3)', [
          id,
          side,
          JSON.stringify(sides[side]),
        ]);
      }
      await client.query(
        `INSERT INTO members (id, partnership_id, account_id, side, role, joined_at)
         VALUES ($1, $2, $3, 'A', 'coordinator', $4)`,
        [memberId, id, creator.id, now],
      );
    });
    const member: Member = {
      id: memberId,
      partnershipId: id,
      accountId: creator.id,
      name: creator.name,
      side: 'A',
      role: 'coordinator',
      joinedAt: now,
    };
    return member;
  }

  async getPartnership(id: string): Promise<Partnership | null> {
    const row = await one<{ id: string; created_at: number }>(
      this.pool,
      'SELECT id, created_at FROM partnerships WHERE id = $1',
      [id],
    );
    if (!row) return null;
    const members = await this.pool.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} ${MEMBERS_FROM}
       WHERE m.partnership_id = $1 AND m.removed_at IS NULL ORDER BY m.side, m.joined_at`,
      [id],
    );
    const former = await this.pool.query<{ id: string; side: string }>(
      'SELECT id, side FROM members WHERE partnership_id = $1 AND removed_at IS NOT NULL',
      [id],
    );
    return {
      id: row.id,
      createdAt: row.created_at,
      sides: await this.schoolsOf(id),
      members: members.rows.map(toMember),
      formerMembers: former.rows.map((r) => ({ id: r.id, side: toSide(r.side) })),
    };
  }

  async updateSchool(partnershipId: string, side: Side, school: School): Promise<void> {
    await this.pool.query('UPDATE sides SET school = $1 WHERE partnership_id = $2 AND side = $3', [
      JSON.stringify(school),
      partnershipId,
      side,
    ]);
  }

  async listMemberships(accountId: string): Promise<Membership[]> {
    const { rows } = await this.pool.query<{
      id: string;
      partnership_id: string;
      side: string;
      role: string;
    }>(
      `SELECT id, partnership_id, side, role FROM members
       WHERE account_id = $1 AND removed_at IS NULL ORDER BY joined_at DESC`,
      [accountId],
    );
    const memberships: Membership[] = [];
    for (const row of rows) {
      const schools = await this.schoolsOf(row.partnership_id);
      memberships.push({
        memberId: row.id,
        partnershipId: row.partnership_id,
        side: toSide(row.side),
        role: toRole(row.role),
        schools: { A: schools.A.name, B: schools.B.name },
      });
    }
    return memberships;
  }

  async findMember(partnershipId: string, accountId: string): Promise<Member | null> {
    const row = await one<MemberRow>(
      this.pool,
      `SELECT ${MEMBER_COLUMNS} ${MEMBERS_FROM}
       WHERE m.partnership_id = $1 AND m.account_id = $2 AND m.removed_at IS NULL`,
      [partnershipId, accountId],
    );
    return row ? toMember(row) : null;
  }

  async getMember(memberId: string): Promise<Member | null> {
    const row = await one<MemberRow>(
      this.pool,
      `SELECT ${MEMBER_COLUMNS} ${MEMBERS_FROM} WHERE m.id = $1 AND m.removed_at IS NULL`,
      [memberId],
    );
    return row ? toMember(row) : null;
  }

  async listActiveMembers(): Promise<Member[]> {
    const { rows } = await this.pool.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} ${MEMBERS_FROM} WHERE m.removed_at IS NULL`,
    );
    return rows.map(toMember);
  }

  async changeRole(memberId: string, role: Role, now: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('UPDATE members SET role = $1 WHERE id = $2', [role, memberId]);
      if (role !== 'coordinator') await revokeInvitesBy(client, memberId, now);
    });
  }

  async removeMember(memberId: string, now: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('UPDATE members SET removed_at = $1 WHERE id = $2', [now, memberId]);
      await revokeInvitesBy(client, memberId, now);
    });
  }

  async createInvite(tokenHash: string, invite: NewInviteRecord, createdBy: string) {
    const id = crypto.randomBytes(12).toString('hex');
    await this.pool.query(
      `INSERT INTO invites (id, token_hash, partnership_id, side, role, max_uses, uses, expires_at,
         created_by, created_at, email) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9, $10)`,
      [
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
      ],
    );
    return id;
  }

  async findInvite(tokenHash: string): Promise<Invite | null> {
    const row = await one<InviteRow>(this.pool, `${INVITE_SELECT} WHERE i.token_hash = $1`, [
      tokenHash,
    ]);
    return row ? toInvite(row) : null;
  }

  async listOpenInvites(partnershipId: string, now: number): Promise<Invite[]> {
    const { rows } = await this.pool.query<InviteRow>(
      `${INVITE_SELECT} WHERE i.partnership_id = $1 AND i.revoked_at IS NULL
       AND i.expires_at > $2 AND i.uses < i.max_uses ORDER BY i.created_at DESC`,
      [partnershipId, now],
    );
    return rows.map(toInvite);
  }

  async revokeInvite(partnershipId: string, inviteId: string, now: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE invites SET revoked_at = $1
       WHERE id = $2 AND partnership_id = $3 AND revoked_at IS NULL`,
      [now, inviteId, partnershipId],
    );
    return (rowCount ?? 0) > 0;
  }

  acceptInvite(tokenHash: string, account: Account, now: number): Promise<Member> {
    return inTransaction(this.pool, async (client) => {
      // The row lock makes two people using a one-use link at once take turns.
      const row = await one<InviteRow>(
        client,
        `${INVITE_SELECT} WHERE i.token_hash = $1 FOR UPDATE OF i`,
        [tokenHash],
      );
      if (!row)
        throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
      const invite = toInvite(row);
      if (invite.revokedAt !== null) throw revoked('This invitation was withdrawn.');
      if (invite.expiresAt <= now) {
        throw new AppError(ErrorCode.INVITE_EXPIRED, 'This invitation has expired.');
      }
      if (invite.uses >= invite.maxUses) {
        throw new AppError(ErrorCode.INVITE_USED_UP, 'This invitation has been used up.');
      }
      // The other school's first coordinator is the one person a coordinator may invite
      // there (P11), so the rule holds when the link is used, not only when it was made.
      if (invite.createdBySide !== invite.side && (await hasCoordinator(client, invite))) {
        throw revoked('This invitation is void: the school already has a coordinator.');
      }
      const existing = await one<{ id: string; removed_at: number | null }>(
        client,
        'SELECT id, removed_at FROM members WHERE partnership_id = $1 AND account_id = $2',
        [invite.partnershipId, account.id],
      );
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
      await client.query(
        `INSERT INTO members (id, partnership_id, account_id, side, role, joined_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET side = excluded.side, role = excluded.role,
           joined_at = excluded.joined_at, removed_at = NULL`,
        [id, invite.partnershipId, account.id, invite.side, invite.role, now],
      );
      await client.query('UPDATE invites SET uses = uses + 1 WHERE token_hash = $1', [tokenHash]);
      const member: Member = {
        id,
        partnershipId: invite.partnershipId,
        accountId: account.id,
        name: account.name,
        side: invite.side,
        role: invite.role,
        joinedAt: now,
      };
      return member;
    });
  }

  private async schoolsOf(partnershipId: string): Promise<Record<Side, School>> {
    const { rows } = await this.pool.query<{ side: string; school: string }>(
      'SELECT side, school FROM sides WHERE partnership_id = $1',
      [partnershipId],
    );
    const schools: Partial<Record<Side, School>> = {};
    for (const row of rows) schools[toSide(row.side)] = School.parse(JSON.parse(row.school));
    if (!schools.A || !schools.B) throw new Error(`partnership ${partnershipId} lacks a side`);
    return { A: schools.A, B: schools.B };
  }
}

async function revokeInvitesBy(client: pg.PoolClient, memberId: string, now: number) {
  await client.query(
    'UPDATE invites SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL',
    [now, memberId],
  );
}

async function hasCoordinator(client: pg.PoolClient, invite: Invite): Promise<boolean> {
  const row = await one<{ n: number }>(
    client,
    `SELECT count(*) AS n FROM members WHERE partnership_id = $1 AND side = $2
     AND role = 'coordinator' AND removed_at IS NULL`,
    [invite.partnershipId, invite.side],
  );
  return (row?.n ?? 0) !== 0;
}
