import crypto from 'node:crypto';
import { z } from 'zod';
import type { PartnershipView } from '@tandem/shared/api';
import { CloseCode } from '@tandem/shared/protocol';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { adoptLanguages } from '@tandem/shared/doc/template';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { SIDES } from '@tandem/shared/people';
import { NewPartnership, School } from '@tandem/shared/peopleBodies';
import { readJson } from '../body';
import { sendDownload, sendJson } from '../respond';
import type { Router } from '../router';
import { isFrozen, publicPhase } from '../../workflows/signingPhase';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const SideParam = z.enum(SIDES);

/** Partnerships: create one, read it as a member, edit one's own school's details. */
export function addPartnershipRoutes(
  router: Router,
  { people, auth, registry, signings, connections, progress, archive }: ApiDeps,
): void {
  router.add('POST', '/api/partnerships', async ({ req, res }) => {
    const { account } = await auth.requireSession(req);
    const { sideA, sideB } = await readJson(req, NewPartnership);
    const id = crypto.randomBytes(12).toString('base64url');
    await people.createPartnership(id, account, { A: sideA, B: sideB });
    sendJson(res, 201, { id });
  });

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id', async ({ res, id, member }) => {
    const partnership = await people.getPartnership(id);
    if (!partnership) throw new AppError(ErrorCode.NOT_FOUND, 'No such partnership.');
    const view: PartnershipView = {
      id: partnership.id,
      createdAt: partnership.createdAt,
      sides: partnership.sides,
      members: partnership.members.map(({ id: memberId, name, side, role, joinedAt }) => ({
        id: memberId,
        name,
        side,
        role,
        joinedAt,
      })),
      formerMembers: partnership.formerMembers,
      you: { memberId: member.id, side: member.side, role: member.role },
      documentStatus: publicPhase(await signings.current(id)),
    };
    sendJson(res, 200, view);
  });

  // Everything of the partnership in one file, for either school's coordinators: a school can
  // take its data and leave (npm run import-partnership reads it on another server).
  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/export',
    async ({ res, id, member }) => {
      if (member.role !== 'coordinator') {
        throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators may download the partnership.');
      }
      const bytes = await archive.archive(id);
      sendDownload(res, 'application/gzip', bytes, `tandem-partnership-${id}.json.gz`);
    },
  );

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/progress', async ({ res, id }) => {
    sendJson(res, 200, await progress.of(id));
  });

  addMemberRoute(
    router,
    auth,
    'PATCH',
    '/api/partnerships/:id/sides/:side',
    async ({ req, res, params, id, member }) => {
      const side = SideParam.safeParse(params.side);
      if (!side.success)
        throw new AppError(ErrorCode.NOT_FOUND, 'A partnership has sides A and B.');
      if (member.role !== 'coordinator' || member.side !== side.data) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          "Only the school's own coordinators can change its details.",
        );
      }
      const school = await readJson(req, School);
      const before = (await people.getPartnership(id))?.sides[side.data];
      // The agreement names the schools and has a column per school language: while it is
      // frozen or signed, only an amendment may change those.
      const touchesAgreement =
        before !== undefined &&
        (before.language !== school.language || before.name !== school.name);
      if (touchesAgreement && (await isFrozen(signings, id))) {
        throw new AppError(
          ErrorCode.AGREEMENT_FROZEN,
          "The agreement is being signed or is signed: start an amendment to change the school's name or language.",
        );
      }
      await people.updateSchool(id, side.data, school);
      // Open connections know which column their school writes: with a new language they
      // reconnect and learn the new one.
      if (before !== undefined && before.language !== school.language) {
        connections.closeWhere(
          { roomPrefix: `${id}/` },
          CloseCode.rightsChanged,
          'school language changed',
        );
      }
      const sides = (await people.getPartnership(id))?.sides;
      // The agreement's columns follow the schools' languages.
      if (sides) {
        await registry.withRoom(
          formatRoomName({ partnershipId: id, document: 'agreement' }),
          (room) => adoptLanguages(room.doc, [sides.A.language, sides.B.language]),
        );
      }
      sendJson(res, 200, { sides });
    },
  );
}
