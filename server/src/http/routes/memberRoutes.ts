import { RoleChange } from '@tandem/shared/peopleBodies';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

/** Coordinators manage the members of their own school (workflows/Membership). */
export function addMemberRoutes(router: Router, { auth, membership }: ApiDeps): void {
  addMemberRoute(
    router,
    auth,
    'PATCH',
    '/api/partnerships/:id/members/:memberId',
    async ({ req, res, params, id, member }) => {
      const target = await membership.manageable(id, member, params.memberId ?? '');
      const { role } = await readJson(req, RoleChange);
      await membership.changeRole(target, role);
      sendJson(res, 200, { id: target.id, role });
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/members/:memberId',
    async ({ res, params, id, member }) => {
      await membership.remove(await membership.manageable(id, member, params.memberId ?? ''));
      res.writeHead(204).end();
    },
  );
}
