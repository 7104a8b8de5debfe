import type { InvitePreview, OpenInvite } from '@tandem/shared/api';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { FALLBACK_LANGUAGE, pickUiLanguage } from '@tandem/shared/i18n/index';
import { NewInvite } from '@tandem/shared/people';
import { hashToken, newToken } from '../../auth/tokens';
import type { Invite, Member } from '../../storage/PeopleStore';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const HOUR_MS = 60 * 60 * 1000;

function requireCoordinator(member: Member): void {
  if (member.role !== 'coordinator') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators can invite people.');
  }
}

/** Invitation links: created by coordinators, previewed by anyone holding one, accepted once signed in. */
export function addInviteRoutes(router: Router, { people, auth, publicUrl }: ApiDeps): void {
  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/invites',
    async ({ req, res, id, member }) => {
      requireCoordinator(member);
      const invite = await readJson(req, NewInvite);
      if (invite.side !== member.side) {
        // Each school manages its own people; the other school's first coordinator is the one
        // person a coordinator may invite there (P11: one point person per school).
        const partnership = await people.getPartnership(id);
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
      const inviteId = await people.createInvite(
        hashToken(token),
        {
          partnershipId: id,
          side: invite.side,
          role: invite.role,
          maxUses: invite.maxUses,
          uses: 0,
          expiresAt,
        },
        member.id,
      );
      sendJson(res, 201, {
        id: inviteId,
        token,
        url: `${publicUrl.replace(/\/$/, '')}/invite/${token}`,
        expiresAt,
      });
    },
  );

  /** A coordinator sees the open invitations for their school and those they made. */
  const isManagedBy = (invite: Invite, member: Member) =>
    invite.side === member.side || invite.createdBy === member.id;

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/invites',
    async ({ res, id, member }) => {
      requireCoordinator(member);
      const partnership = await people.getPartnership(id);
      const names = new Map(partnership?.members.map((m) => [m.id, m.name]));
      const open = (await people.listOpenInvites(id, Date.now())).filter((i) =>
        isManagedBy(i, member),
      );
      const body: OpenInvite[] = open.map((i) => ({
        id: i.id,
        side: i.side,
        role: i.role,
        uses: i.uses,
        maxUses: i.maxUses,
        expiresAt: i.expiresAt,
        createdAt: i.createdAt,
        createdBy: names.get(i.createdBy) ?? '',
      }));
      sendJson(res, 200, body);
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/invites/:inviteId',
    async ({ res, params, id, member }) => {
      requireCoordinator(member);
      const open = await people.listOpenInvites(id, Date.now());
      const invite = open.find((i) => i.id === params.inviteId);
      if (!invite || !isManagedBy(invite, member)) {
        throw new AppError(ErrorCode.NOT_FOUND, 'No such open invitation for your school.');
      }
      await people.revokeInvite(id, invite.id, Date.now());
      res.writeHead(204).end();
    },
  );

  router.add('GET', '/api/invites/:token', async ({ res, params }) => {
    const invite = await people.findInvite(hashToken(params.token ?? ''));
    if (!invite)
      throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
    const partnership = await people.getPartnership(invite.partnershipId);
    if (!partnership)
      throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
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
    const preview: InvitePreview = {
      side: invite.side,
      role: invite.role,
      expiresAt: invite.expiresAt,
      state,
      schools: { A: partnership.sides.A.name, B: partnership.sides.B.name },
      // The page opens in the invited school's language (when it is a launch language).
      language: pickUiLanguage([partnership.sides[invite.side].language, FALLBACK_LANGUAGE]),
    };
    sendJson(res, 200, preview);
  });

  router.add('POST', '/api/invites/:token/accept', async ({ req, res, params }) => {
    const { account } = await auth.requireSession(req);
    const member = await people.acceptInvite(hashToken(params.token ?? ''), account, Date.now());
    sendJson(res, 200, {
      partnershipId: member.partnershipId,
      side: member.side,
      role: member.role,
    });
  });
}
