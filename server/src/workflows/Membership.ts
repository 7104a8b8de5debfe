import type { InvitePreview, OpenInvite } from '@tandem/shared/api';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { FALLBACK_LANGUAGE, pickUiLanguage } from '@tandem/shared/i18n/index';
import type { Role } from '@tandem/shared/people';
import type { NewInvite } from '@tandem/shared/peopleBodies';
import type { z } from 'zod';
import { hashToken, newToken } from '../auth/tokens';
import type { Account, Invite, Member, PeopleStore } from '../storage/PeopleStore';

const HOUR_MS = 60 * 60 * 1000;

/** Why a member's open connections end: new rights (they reconnect) or none (removed). */
export type ConnectionsEnd = 'rights changed' | 'removed';

function requireInviter(member: Member): void {
  if (member.role !== 'coordinator') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators can invite people.');
  }
}

/** A coordinator manages the open invitations for their school and those they made. */
const isManagedBy = (invite: Invite, member: Member) =>
  invite.side === member.side || invite.createdBy === member.id;

const invalidLink = () =>
  new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');

/**
 * Who belongs to a partnership: invitation links (made by coordinators, previewed by anyone
 * holding one, accepted once signed in) and each school's coordinators managing its members.
 */
export class MembershipWorkflow {
  constructor(
    private readonly people: PeopleStore,
    /** Ends a member's open connections, so their rights take effect at once. */
    private readonly endConnections: (memberId: string, why: ConnectionsEnd) => void,
  ) {}

  /** A new invitation link; only its hash is stored, the token is shown once. */
  async invite(partnershipId: string, member: Member, invite: z.output<typeof NewInvite>) {
    requireInviter(member);
    if (invite.side !== member.side) {
      // Each school manages its own people; the other school's first coordinator is the one
      // person a coordinator may invite there (P11: one point person per school).
      const partnership = await this.people.getPartnership(partnershipId);
      const hasCoordinator = partnership?.members.some(
        (m) => m.side === invite.side && m.role === 'coordinator',
      );
      if (invite.role !== 'coordinator' || hasCoordinator) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          "Only the other school's coordinators can invite people there.",
        );
      }
    }
    const token = newToken();
    const expiresAt = Date.now() + invite.expiresInHours * HOUR_MS;
    const id = await this.people.createInvite(
      hashToken(token),
      {
        partnershipId,
        side: invite.side,
        role: invite.role,
        maxUses: invite.email ? 1 : invite.maxUses,
        uses: 0,
        expiresAt,
        email: invite.email ?? null,
      },
      member.id,
    );
    return { id, token, expiresAt };
  }

  async openInvites(partnershipId: string, member: Member): Promise<OpenInvite[]> {
    requireInviter(member);
    const partnership = await this.people.getPartnership(partnershipId);
    const names = new Map(partnership?.members.map((m) => [m.id, m.name]));
    const open = await this.people.listOpenInvites(partnershipId, Date.now());
    return open
      .filter((i) => isManagedBy(i, member))
      .map((i) => ({
        id: i.id,
        side: i.side,
        role: i.role,
        uses: i.uses,
        maxUses: i.maxUses,
        expiresAt: i.expiresAt,
        createdAt: i.createdAt,
        createdBy: names.get(i.createdBy) ?? '',
        email: i.email,
      }));
  }

  async revokeInvite(partnershipId: string, member: Member, inviteId: string): Promise<void> {
    requireInviter(member);
    const open = await this.people.listOpenInvites(partnershipId, Date.now());
    const invite = open.find((i) => i.id === inviteId);
    if (!invite || !isManagedBy(invite, member)) {
      throw new AppError(ErrorCode.NOT_FOUND, 'No such open invitation for your school.');
    }
    await this.people.revokeInvite(partnershipId, invite.id, Date.now());
  }

  /** What a link invites to, shown to anyone holding it, signed in or not. */
  async preview(token: string): Promise<InvitePreview> {
    const invite = await this.people.findInvite(hashToken(token));
    if (!invite) throw invalidLink();
    const partnership = await this.people.getPartnership(invite.partnershipId);
    if (!partnership) throw invalidLink();
    const now = Date.now();
    // Mirrors acceptInvite: a link for the other school's first coordinator is void once
    // that school has one.
    const isVoid =
      invite.createdBySide !== invite.side &&
      partnership.members.some((m) => m.side === invite.side && m.role === 'coordinator');
    const state: InvitePreview['state'] =
      invite.revokedAt !== null
        ? 'revoked'
        : invite.expiresAt <= now
          ? 'expired'
          : invite.uses >= invite.maxUses
            ? 'usedUp'
            : isVoid
              ? 'revoked'
              : 'valid';
    return {
      side: invite.side,
      role: invite.role,
      expiresAt: invite.expiresAt,
      state,
      schools: { A: partnership.sides.A.name, B: partnership.sides.B.name },
      // The page opens in the invited school's language (when it is a launch language).
      language: pickUiLanguage([partnership.sides[invite.side].language, FALLBACK_LANGUAGE]),
    };
  }

  accept(token: string, account: Account): Promise<Member> {
    return this.people.acceptInvite(hashToken(token), account, Date.now());
  }

  /** The member `memberId`, after checking `caller` manages them (their school's coordinator). */
  async manageable(partnershipId: string, caller: Member, memberId: string): Promise<Member> {
    const target = await this.people.getMember(memberId);
    if (!target || target.partnershipId !== partnershipId) {
      throw new AppError(ErrorCode.NOT_FOUND, 'No such member in this partnership.');
    }
    if (caller.role !== 'coordinator' || caller.side !== target.side) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        "Only the school's own coordinators can manage its members.",
      );
    }
    return target;
  }

  async changeRole(target: Member, role: Role): Promise<void> {
    if (role !== 'coordinator') await this.ensureAnotherCoordinator(target);
    await this.people.changeRole(target.id, role, Date.now());
    // Open connections carry the old rights: they reconnect with the new ones.
    this.endConnections(target.id, 'rights changed');
  }

  async remove(target: Member): Promise<void> {
    await this.ensureAnotherCoordinator(target);
    await this.people.removeMember(target.id, Date.now());
    this.endConnections(target.id, 'removed');
  }

  /** P13: a school must always keep a point person who can invite and manage. */
  private async ensureAnotherCoordinator(target: Member): Promise<void> {
    if (target.role !== 'coordinator') return;
    const partnership = await this.people.getPartnership(target.partnershipId);
    const others = partnership?.members.filter(
      (m) => m.side === target.side && m.role === 'coordinator' && m.id !== target.id,
    );
    if (!others?.length) {
      throw new AppError(ErrorCode.LAST_COORDINATOR, 'A school needs at least one coordinator.');
    }
  }
}
