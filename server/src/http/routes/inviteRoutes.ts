import { NewInvite } from '@tandem/shared/peopleBodies';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { inviteMail } from '../../notify/inviteMail';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

/** Invitation links (workflows/Membership). */
export function addInviteRoutes(router: Router, deps: ApiDeps): void {
  const { auth, membership, publicUrl, mailer, people, log } = deps;
  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/invites',
    async ({ req, res, id, member }) => {
      const body = await readJson(req, NewInvite);
      if (body.email && !mailer) {
        throw new AppError(ErrorCode.EMAIL_OFF, 'Email is off: share the link instead.');
      }
      const invite = await membership.invite(id, member, body);
      const url = `${publicUrl.replace(/\/$/, '')}/invite/${invite.token}`;
      let isEmailed = false;
      if (body.email && mailer) {
        const partnership = await people.getPartnership(id);
        const inviter = partnership?.members.find((m) => m.id === member.id);
        if (partnership && inviter) {
          const mail = inviteMail({
            to: body.email,
            partnership,
            inviter,
            side: body.side,
            role: body.role,
            url,
          });
          isEmailed = await mailer.send(mail).then(
            () => true,
            (error: unknown) => {
              log('sending an invitation mail failed', error, { partnership: id });
              return false;
            },
          );
        }
      }
      sendJson(res, 201, { ...invite, url, email: body.email ?? null, isEmailed });
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/invites',
    async ({ res, id, member }) => {
      sendJson(res, 200, await membership.openInvites(id, member));
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/invites/:inviteId',
    async ({ res, params, id, member }) => {
      await membership.revokeInvite(id, member, params.inviteId ?? '');
      res.writeHead(204).end();
    },
  );

  router.add('GET', '/api/invites/:token', async ({ res, params }) => {
    sendJson(res, 200, await membership.preview(params.token ?? ''));
  });

  router.add('POST', '/api/invites/:token/accept', async ({ req, res, params }) => {
    const { account } = await auth.requireSession(req);
    const member = await membership.accept(params.token ?? '', account);
    sendJson(res, 200, {
      partnershipId: member.partnershipId,
      side: member.side,
      role: member.role,
    });
  });
}
