import { z } from 'zod';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const DismissalBody = z.object({ reason: z.string().trim().min(1).max(500) });

/** Reciprocity prompts, their dismissals and authorship balance (workflows/Prompts). */
export function addPromptRoutes(router: Router, { auth, prompts }: ApiDeps): void {
  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/authorship', async ({ res, id }) => {
    sendJson(res, 200, await prompts.authorship(id));
  });

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/prompts', async ({ res, id }) => {
    sendJson(res, 200, await prompts.list(id));
  });

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/prompts/:promptKey/dismissal',
    async ({ req, res, params, id, member }) => {
      prompts.requireDecider(member);
      const { reason } = await readJson(req, DismissalBody);
      await prompts.setDismissal(id, member, params.promptKey ?? '', reason);
      sendJson(res, 200, { dismissed: params.promptKey });
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/prompts/:promptKey/dismissal',
    async ({ res, params, id, member }) => {
      await prompts.setDismissal(id, member, params.promptKey ?? '', null);
      res.writeHead(204).end();
    },
  );
}
