import { z } from 'zod';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const PrevailingBody = z.object({ prevailing: z.string().min(1).max(20) });

/** Clause drift, alignment and approval, and the prevailing version (workflows/ClauseReview). */
export function addAgreementRoutes(router: Router, { auth, clauses }: ApiDeps): void {
  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement/clauses',
    async ({ res, id }) => {
      sendJson(res, 200, await clauses.clauses(id));
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/clauses/:clauseId/align',
    async ({ res, params, id, member }) => {
      sendJson(res, 200, await clauses.align(id, member, params.clauseId ?? ''));
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/clauses/:clauseId/approve',
    async ({ res, params, id, member }) => {
      sendJson(res, 200, await clauses.approve(id, member, params.clauseId ?? ''));
    },
  );

  addMemberRoute(
    router,
    auth,
    'PUT',
    '/api/partnerships/:id/agreement/prevailing',
    async ({ req, res, id, member }) => {
      const { prevailing } = await readJson(req, PrevailingBody);
      await clauses.setPrevailing(id, member, prevailing);
      sendJson(res, 200, { prevailing });
    },
  );
}
