import type { IncomingMessage } from 'node:http';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { RoleChange } from '@tandem/shared/people';
import { CloseCode } from '@tandem/shared/protocol';
import type { Member } from '../../storage/PeopleStore';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

/** Coordinators manage the members of their own school. */
export function addMemberRoutes(router: Router, { people, auth, connections }: ApiDeps): void {
  /** The target member, after checking the caller may manage them. */
  async function manageable(
    req: IncomingMessage,
    partnershipId: string,
    memberId: string,
  ): Promise<Member> {
    const { member: caller } = await auth.requireMember(req, partnershipId);
    const target = await people.getMember(memberId);
    if (!target || target.partnershipId !== partnershipId) {
      throw new AppError(ErrorCode.NOT_FOUND, 'No such member in this partnership.');
    }
    if (caller.role !== 'coordinator' || caller.side !== target.side) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        "Only the school's own coordinators can manage its members.",
      );
    }
    return target;
  }

  /** P13: a school must always keep a point person who can invite and manage. */
  async function ensureAnotherCoordinator(target: Member): Promise<void> {
    if (target.role !== 'coordinator') return;
    const partnership = await people.getPartnership(target.partnershipId);
    const others = partnership?.members.filter(
      (m) => m.side === target.side && m.role === 'coordinator' && m.id !== target.id,
    );
    if (!others?.length) {
      throw new AppError(ErrorCode.LAST_COORDINATOR, 'A school needs at least one coordinator.');
    }
  }

  router.add('PATCH', '/api/partnerships/:id/members/:memberId', async ({ req, res, params }) => {
    const target = await manageable(req, params.id ?? '', params.memberId ?? '');
    const { role } = await readJson(req, RoleChange);
    if (role !== 'coordinator') await ensureAnotherCoordinator(target);
    await people.changeRole(target.id, role, Date.now());
    // Open connections carry the old rights: make them reconnect with the new ones.
    connections.closeWhere(
      (o) => o.memberId === target.id,
      CloseCode.rightsChanged,
      'role changed',
    );
    sendJson(res, 200, { id: target.id, role });
  });

  router.add('DELETE', '/api/partnerships/:id/members/:memberId', async ({ req, res, params }) => {
    const target = await manageable(req, params.id ?? '', params.memberId ?? '');
    await ensureAnotherCoordinator(target);
    await people.removeMember(target.id, Date.now());
    connections.closeWhere((o) => o.memberId === target.id, CloseCode.forbidden, 'removed');
    res.writeHead(204).end();
  });
}
