import type { InvitePreview } from '@tandem/shared/api';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { FALLBACK_LANGUAGE, pickUiLanguage } from '@tandem/shared/i18n/index';
import { NewInvite } from '@tandem/shared/people';
import { hashToken, newToken } from '../../auth/tokens';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

const HOUR_MS = 60 * 60 * 1000;

/** Invitation links: created by coordinators, previewed by anyone holding one, accepted once signed in. */
export function addInviteRoutes(router: Router, { people, auth, publicUrl }: ApiDeps): void {
  router.add('POST', '/api/partnerships/:id/invites', async ({ req, res, params }) => {
    const id = params.id ?? '';
    const { member } = await auth.requireMember(req, id);
    if (member.role !== 'coordinator') {
      throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators can invite people.');
    }
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
    await people.createInvite(
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
      token,
      url: `${publicUrl.replace(/\/$/, '')}/invite/${token}`,
      expiresAt,
    });
  });

  router.add('GET', '/api/invites/:token', async ({ res, params }) => {
    const invite = await people.findInvite(hashToken(params.token ?? ''));
    if (!invite)
      throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
    const partnership = await people.getPartnership(invite.partnershipId);
    if (!partnership)
      throw new AppError(ErrorCode.INVITE_NOT_FOUND, 'This invitation link is not valid.');
    const now = Date.now();
    const state =
      invite.expiresAt <= now ? 'expired' : invite.uses >= invite.maxUses ? 'usedUp' : 'valid';
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
