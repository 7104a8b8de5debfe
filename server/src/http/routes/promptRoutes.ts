import { z } from 'zod';
import type * as Y from 'yjs';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { setDismissal } from '@tandem/shared/doc/status';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Side } from '@tandem/shared/people';
import { isStaff } from '@tandem/shared/permissions';
import { promptsWithDismissals } from '@tandem/shared/reciprocity/index';
import type { Partnership } from '../../storage/PeopleStore';
import type { Room } from '../../rooms/Room';
import type { RoomRegistry } from '../../rooms/RoomRegistry';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const DismissalBody = z.object({ reason: z.string().trim().min(1).max(500) });

type Docs = { agreement: Y.Doc; status: Y.Doc; A: Y.Doc; B: Y.Doc };

/** Runs `use` with a partnership's agreement, status and both legs loaded. */
function withDocs<T>(
  registry: RoomRegistry,
  partnershipId: string,
  use: (docs: Docs, agreement: Room) => T,
) {
  const documents = ['agreement', 'status', 'itinerary.A', 'itinerary.B'] as const;
  const names = documents.map((document) => formatRoomName({ partnershipId, document }));
  return registry.withRooms(names, ([agreement, status, a, b]) => {
    if (!agreement || !status || !a || !b) throw new Error('rooms missing');
    return use({ agreement: agreement.doc, status: status.doc, A: a.doc, B: b.doc }, agreement);
  });
}

/** Surviving characters per side, from the server's own attribution (never client data). */
export function authorshipBySide(agreement: Room, partnership: Partnership): Record<Side, number> {
  const sideOf = new Map(partnership.members.map((m) => [m.id, m.side]));
  const counts: Record<Side, number> = { A: 0, B: 0 };
  for (const [memberId, count] of agreement.authorship()) {
    const side = sideOf.get(memberId);
    if (side) counts[side] += count;
  }
  return counts;
}

/** Reciprocity prompts (shared/DOMAIN.md), their dismissals for both sides, and authorship balance. */
export function addPromptRoutes(router: Router, { auth, people, registry }: ApiDeps): void {
  async function partnershipOf(id: string): Promise<Partnership> {
    const partnership = await people.getPartnership(id);
    if (!partnership) throw new AppError(ErrorCode.NOT_FOUND, 'No such partnership.');
    return partnership;
  }

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/authorship', async ({ res, id }) => {
    const partnership = await partnershipOf(id);
    const room = formatRoomName({ partnershipId: id, document: 'agreement' });
    sendJson(res, 200, await registry.withRoom(room, (r) => authorshipBySide(r, partnership)));
  });

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/prompts', async ({ res, id }) => {
    const partnership = await partnershipOf(id);
    const prompts = await withDocs(registry, id, (docs, agreement) => {
      return promptsWithDismissals({
        agreement: docs.agreement,
        status: docs.status,
        legs: { A: docs.A, B: docs.B },
        sides: partnership.sides,
        members: partnership.members,
        authorship: authorshipBySide(agreement, partnership),
        now: Date.now(),
      });
    });
    sendJson(res, 200, prompts);
  });

  const dismissal = async (
    req: Parameters<typeof readJson>[0],
    id: string,
    key: string,
    isDismissing: boolean,
  ) => {
    const { member } = await auth.requireMember(req, id);
    if (!isStaff(member.role)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Coordinators, teachers and leaders decide on prompts.',
      );
    }
    const body = isDismissing ? await readJson(req, DismissalBody) : null;
    if (!/^R-[a-z-]+:[\w/:.-]{1,200}$/.test(key))
      throw new AppError(ErrorCode.NOT_FOUND, 'No such prompt.');
    const room = formatRoomName({ partnershipId: id, document: 'status' });
    await registry.withRoom(room, (r) =>
      setDismissal(
        r.doc,
        key,
        body ? { reason: body.reason, by: member.id, at: Date.now() } : null,
      ),
    );
  };

  router.add(
    'POST',
    '/api/partnerships/:id/prompts/:promptKey/dismissal',
    async ({ req, res, params }) => {
      await dismissal(req, params.id ?? '', params.promptKey ?? '', true);
      sendJson(res, 200, { dismissed: params.promptKey });
    },
  );

  router.add(
    'DELETE',
    '/api/partnerships/:id/prompts/:promptKey/dismissal',
    async ({ req, res, params }) => {
      await dismissal(req, params.id ?? '', params.promptKey ?? '', false);
      res.writeHead(204).end();
    },
  );
}
