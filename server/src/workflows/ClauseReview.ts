import type { ClauseView } from '@tandem/shared/api';
import { languagesOf, listClauses, setPrevailing } from '@tandem/shared/doc/agreement';
import { clauseState, currentVersions, type ClauseState } from '@tandem/shared/doc/clauseStatus';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { setAlignment, setApproval } from '@tandem/shared/doc/status';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { maySign, permissionFor } from '@tandem/shared/permissions';
import type { Room } from '../rooms/Room';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { Member } from '../storage/PeopleStore';
import type { SigningReads } from '../storage/SigningStore';
import { requireDraft } from './signingPhase';

function viewOf(state: ClauseState): ClauseView {
  const { status } = state;
  return {
    id: state.id,
    kind: state.kind,
    title: state.title,
    status: status.kind,
    ...('language' in status ? { language: status.language } : {}),
    approvals: state.approvals,
  };
}

function forbidUnless(isAllowed: boolean, message: string): void {
  if (!isAllowed) throw new AppError(ErrorCode.FORBIDDEN, message);
}

function findClause(agreement: Room, clauseId: string) {
  const clause = listClauses(agreement.doc).find((c) => c.id === clauseId);
  if (!clause) throw new AppError(ErrorCode.NOT_FOUND, 'No such clause in this agreement.');
  return clause;
}

/**
 * Drift and approvals (P10): the server fingerprints the texts itself and records them in the
 * `status` document, which only it can write, so no client can forge the other side's word.
 */
export class ClauseReview {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly signings: SigningReads,
  ) {}

  /** Every clause with its drift status and approvals. */
  clauses(partnershipId: string): Promise<ClauseView[]> {
    return this.withAgreement(partnershipId, (agreement, status) =>
      listClauses(agreement.doc).map((c) => viewOf(clauseState(agreement.doc, status.doc, c))),
    );
  }

  /** Records that every language version of a clause says the same, as they read now. */
  async align(partnershipId: string, member: Member, clauseId: string): Promise<ClauseView> {
    await this.requireDraftEditor(
      partnershipId,
      member,
      'Only people who edit the agreement can mark a clause aligned.',
    );
    return this.withAgreement(partnershipId, (agreement, status) => {
      const clause = findClause(agreement, clauseId);
      const versions = currentVersions(agreement.doc, clause.id);
      const recorded: Record<string, { hash: string; text: string }> = {};
      for (const lang of languagesOf(agreement.doc)) {
        const version = versions[lang];
        if (!version?.hash) {
          throw new AppError(ErrorCode.CLAUSE_UNTRANSLATED, `The ${lang} version has no text.`);
        }
        if (version.hasMachineText) {
          throw new AppError(
            ErrorCode.CLAUSE_MACHINE_TEXT,
            `The ${lang} version still holds machine translation nobody has checked.`,
          );
        }
        recorded[lang] = { hash: version.hash, text: version.text };
      }
      status.doc.transact(() =>
        setAlignment(status.doc, clause.id, { versions: recorded, by: member.id, at: Date.now() }),
      );
      return viewOf(clauseState(agreement.doc, status.doc, clause));
    });
  }

  /** One school's approval of an aligned clause, bound to the texts it approves. */
  async approve(partnershipId: string, member: Member, clauseId: string): Promise<ClauseView> {
    await requireDraft(this.signings, partnershipId);
    forbidUnless(
      maySign(member.role),
      "Only a school's coordinators and leaders can approve clauses.",
    );
    return this.withAgreement(partnershipId, (agreement, status) => {
      const clause = findClause(agreement, clauseId);
      if (clauseState(agreement.doc, status.doc, clause).status.kind !== 'aligned') {
        throw new AppError(
          ErrorCode.CLAUSE_NOT_ALIGNED,
          'Only an aligned clause can be approved: align both language versions first.',
        );
      }
      const hashes: Record<string, string> = {};
      for (const [lang, v] of Object.entries(currentVersions(agreement.doc, clause.id))) {
        if (v.hash) hashes[lang] = v.hash;
      }
      status.doc.transact(() =>
        setApproval(status.doc, clause.id, member.side, { by: member.id, at: Date.now(), hashes }),
      );
      return viewOf(clauseState(agreement.doc, status.doc, clause));
    });
  }

  /** P10: which version prevails is part of `meta`, which only the server writes. */
  async setPrevailing(partnershipId: string, member: Member, prevailing: string): Promise<void> {
    await this.requireDraftEditor(
      partnershipId,
      member,
      'Only people who edit the agreement can choose the prevailing version.',
    );
    await this.registry.withRoom(
      formatRoomName({ partnershipId, document: 'agreement' }),
      (room) => {
        if (prevailing !== 'equal' && !languagesOf(room.doc).includes(prevailing)) {
          throw new AppError(
            ErrorCode.BAD_REQUEST,
            'Choose one of the agreement’s languages or equal.',
          );
        }
        setPrevailing(room.doc, prevailing);
      },
    );
  }

  /** The agreement is a draft (409 AGREEMENT_FROZEN) and the caller edits it (403 otherwise). */
  private async requireDraftEditor(partnershipId: string, member: Member, refusal: string) {
    await requireDraft(this.signings, partnershipId);
    forbidUnless(permissionFor(member.role, member.side, 'agreement') === 'edit', refusal);
  }

  /** Runs `use` with the partnership's agreement and status rooms loaded. */
  private withAgreement<T>(partnershipId: string, use: (agreement: Room, status: Room) => T) {
    const names = (['agreement', 'status'] as const).map((document) =>
      formatRoomName({ partnershipId, document }),
    );
    return this.registry.withRooms(names, ([agreement, status]) => {
      if (!agreement || !status) throw new Error('rooms missing');
      return use(agreement, status);
    });
  }
}
