import { z } from 'zod';
import * as Y from 'yjs';
import type { VersionView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { restoreAgreement } from '@tandem/shared/doc/restore';
import { agreementText } from '@tandem/shared/doc/snapshot';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { permissionFor } from '@tandem/shared/permissions';
import type { Member } from '../../storage/PeopleStore';
import type { VersionInfo } from '../../storage/VersionStore';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const NewVersion = z.object({ name: z.string().trim().min(1).max(100) });

function requireEditor(member: Member): void {
  if (permissionFor(member.role, member.side, 'agreement') !== 'edit') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only people who edit the agreement can do this.');
  }
}

/** Versions of the agreement: list, keep by name, read, restore as a new edit. */
export function addVersionRoutes(
  router: Router,
  { auth, people, registry, versions, signings }: ApiDeps,
) {
  const roomOf = (partnershipId: string) =>
    formatRoomName({ partnershipId, document: 'agreement' });

  async function viewsOf(partnershipId: string, infos: VersionInfo[]): Promise<VersionView[]> {
    const names = new Map(
      (await people.getPartnership(partnershipId))?.members.map((m) => [m.id, m.name]) ?? [],
    );
    return infos.map(({ id, kind, name, createdAt, createdBy }) => ({
      id,
      kind,
      name,
      createdAt,
      createdBy: createdBy === null ? null : (names.get(createdBy) ?? null),
    }));
  }

  async function stateOf(partnershipId: string, versionId: string): Promise<Y.Doc> {
    const found = await versions.store.get(roomOf(partnershipId), versionId);
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'No such version of this agreement.');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, found.state);
    return doc;
  }

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement/versions',
    async ({ res, id }) => {
      sendJson(res, 200, await viewsOf(id, await versions.store.list(roomOf(id))));
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/versions',
    async ({ req, res, id, member }) => {
      requireEditor(member);
      const { name } = await readJson(req, NewVersion);
      const info = await registry.withRoom(roomOf(id), (room) =>
        versions.keep(room, 'named', name, member.id),
      );
      sendJson(res, 201, (await viewsOf(id, [info]))[0]);
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement/versions/:versionId',
    async ({ res, params, id }) => {
      const doc = await stateOf(id, params.versionId ?? '');
      sendJson(res, 200, agreementText(doc));
      doc.destroy();
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/agreement/versions/:versionId/restore',
    async ({ res, params, id, member }) => {
      requireEditor(member);
      signings.requireDraft(id);
      const source = await stateOf(id, params.versionId ?? '');
      const kept = await registry.withRoom(roomOf(id), async (room) => {
        // What the restore replaces stays one click away.
        const before = await versions.keep(room, 'before-restore', null, member.id);
        restoreAgreement(room.doc, source);
        return before;
      });
      source.destroy();
      sendJson(res, 200, { restored: params.versionId, before: (await viewsOf(id, [kept]))[0] });
    },
  );
}
