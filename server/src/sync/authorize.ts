import { AppError, ErrorCode } from '@tandem/shared/errors';
import { canWrite, permissionFor } from '@tandem/shared/permissions';
import { RefusalReason } from '@tandem/shared/protocol';
import type { Auth } from '../auth/Auth';
import { isAllowedOrigin } from '../auth/origin';
import type { PeopleStore } from '../storage/PeopleStore';
import type { SigningReads } from '../storage/SigningStore';
import { discussedDocument, formatRoomName } from '@tandem/shared/doc/documents';
import type { Authorize } from './upgrade';

/**
 * Sync access from the session cookie and the permission matrix: members only, writers only
 * where the matrix says `edit` (shared/README.md, Who may write what).
 */
export function createAuthorize(
  auth: Auth,
  people: PeopleStore,
  signings: SigningReads,
  publicUrl: string,
): Authorize {
  return async (request, room) => {
    if (!isAllowedOrigin(request, publicUrl)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Cross-site connections are not allowed.');
    }
    const session = await auth.sessionOf(request);
    if (!session) throw new AppError(ErrorCode.UNAUTHORIZED, 'Sign in first.');
    const member = await people.findMember(room.partnershipId, session.account.id);
    if (!member)
      throw new AppError(ErrorCode.FORBIDDEN, 'You are not a member of this partnership.');
    const permission = permissionFor(member.role, member.side, room.document);
    if (permission === 'none')
      throw new AppError(ErrorCode.FORBIDDEN, 'You may not open this document.');
    // While signing, and once signed, the agreement's text is frozen for everyone, and no
    // proposal on it may be decided.
    const isAgreement = room.document === 'agreement' || room.document === 'agreement.threads';
    const phase = isAgreement ? (await signings.current(room.partnershipId))?.phase : undefined;
    const frozenAs: RefusalReason | null =
      phase === 'signed' ? RefusalReason.signed : phase ? RefusalReason.signing : null;
    const isFrozenHere = frozenAs !== null && room.document === 'agreement';
    return {
      owner: {
        accountId: session.account.id,
        memberId: member.id,
        sessionHash: session.sessionHash,
        sessionExpiresAt: session.expiresAt,
        room: formatRoomName(room),
      },
      name: member.name,
      side: member.side,
      language:
        (await people.getPartnership(room.partnershipId))?.sides[member.side].language ?? '',
      mayDecide:
        room.document.endsWith('.threads') &&
        frozenAs === null &&
        canWrite(permissionFor(member.role, member.side, discussedDocument(room.document))),
      mayPropose: frozenAs === null,
      canEdit: canWrite(permission) && !isFrozenHere,
      readOnlyReason: canWrite(permission) && frozenAs ? frozenAs : RefusalReason.readOnly,
    };
  };
}
