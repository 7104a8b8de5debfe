import { z } from 'zod';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const NewVersion = z.object({ name: z.string().trim().min(1).max(100) });

/** Versions of the agreement (workflows/VersionHistory). */
export function addVersionRoutes(router: Router, { auth, history }: ApiDeps) {
  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement/versions',
    async ({ res, id }) => {
      sendJson(res, 200, await history.list(id));
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/versions',
    async ({ req, res, id, member }) => {
      const { name } = await readJson(req, NewVersion);
      sendJson(res, 201, await history.keepNamed(id, member, name));
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement/versions/:versionId',
    async ({ res, params, id }) => {
      sendJson(res, 200, await history.text(id, params.versionId ?? ''));
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/versions/:versionId/restore',
    async ({ res, params, id, member }) => {
      const versionId = params.versionId ?? '';
      const before = await history.restore(id, member, versionId);
      sendJson(res, 200, { restored: versionId, before });
    },
  );
}
