import type { Member } from '../../storage/PeopleStore';
import type { Auth, Session } from '../../auth/Auth';
import type { RequestContext, Router } from '../router';

/** What a route of one partnership gets: its id, and the caller's session and membership. */
export interface MemberContext extends RequestContext {
  id: string;
  member: Member;
  session: Session;
}

/**
 * Adds a route under `/api/partnerships/:id/…` that only the partnership's members may call:
 * everyone else gets 401 or 403 before the handler runs.
 */
export function addMemberRoute(
  router: Router,
  auth: Auth,
  method: string,
  path: string,
  handler: (ctx: MemberContext) => Promise<void> | void,
): void {
  router.add(method, path, async (ctx) => {
    const id = ctx.params.id ?? '';
    const session = await auth.requireMember(ctx.req, id);
    await handler({ ...ctx, id, member: session.member, session });
  });
}
