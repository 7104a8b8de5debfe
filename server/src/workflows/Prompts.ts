import type * as Y from 'yjs';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { setDismissal } from '@tandem/shared/doc/status';
import { readThreads } from '@tandem/shared/doc/threads';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Side } from '@tandem/shared/people';
import { isStaff } from '@tandem/shared/permissions';
import { promptsWithDismissals } from '@tandem/shared/reciprocity/index';
import type { Credit } from '../rooms/authorship';
import type { Room } from '../rooms/Room';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { Member, Partnership, PeopleStore } from '../storage/PeopleStore';

type Docs = { agreement: Y.Doc; status: Y.Doc; A: Y.Doc; B: Y.Doc; threads: Y.Doc };

/** What a prompt key looks like: its rule, then what it is about. */
const PROMPT_KEY = /^R-[a-z-]+:[\w/:.-]{1,200}$/;

/** Accepted proposals on clause texts: their words count for whoever proposed them. */
function creditsOf(threads: Y.Doc): Credit[] {
  return readThreads(threads).flatMap((thread) =>
    thread.proposal?.state === 'accepted' && 'clauseId' in thread.target
      ? [{ ...thread.target, text: thread.proposal.text, memberId: thread.createdBy }]
      : [],
  );
}

/** Words written per side, from the server's own attribution (never client data). */
function authorshipBySide(
  agreement: Room,
  threads: Y.Doc,
  partnership: Partnership,
): Record<Side, number> {
  const sideOf = new Map(partnership.members.map((m) => [m.id, m.side]));
  const counts: Record<Side, number> = { A: 0, B: 0 };
  for (const [memberId, count] of agreement.authorship(creditsOf(threads))) {
    const side = sideOf.get(memberId);
    if (side) counts[side] += count;
  }
  return counts;
}

/** Reciprocity prompts (shared/DOMAIN.md), their dismissals for both sides, and authorship. */
export class Prompts {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly people: PeopleStore,
  ) {}

  async authorship(partnershipId: string): Promise<Record<Side, number>> {
    const partnership = await this.partnershipOf(partnershipId);
    const names = (['agreement', 'agreement.threads'] as const).map((document) =>
      formatRoomName({ partnershipId, document }),
    );
    return this.registry.withRooms(names, ([agreement, threads]) => {
      if (!agreement || !threads) throw new Error('rooms missing');
      return authorshipBySide(agreement, threads.doc, partnership);
    });
  }

  async list(partnershipId: string) {
    const partnership = await this.partnershipOf(partnershipId);
    return this.withDocs(partnershipId, (docs, agreement) =>
      promptsWithDismissals({
        agreement: docs.agreement,
        status: docs.status,
        legs: { A: docs.A, B: docs.B },
        sides: partnership.sides,
        members: partnership.members,
        authorship: authorshipBySide(agreement, docs.threads, partnership),
        now: Date.now(),
      }),
    );
  }

  /** Refuses (403) anyone but staff: coordinators, teachers and leaders decide on prompts. */
  requireDecider(member: Member): void {
    if (!isStaff(member.role)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Coordinators, teachers and leaders decide on prompts.',
      );
    }
  }

  /** Dismisses a prompt for both sides with a reason, or (`reason` null) brings it back. */
  async setDismissal(
    partnershipId: string,
    member: Member,
    key: string,
    reason: string | null,
  ): Promise<void> {
    this.requireDecider(member);
    if (!PROMPT_KEY.test(key)) throw new AppError(ErrorCode.NOT_FOUND, 'No such prompt.');
    const room = formatRoomName({ partnershipId, document: 'status' });
    await this.registry.withRoom(room, (r) =>
      setDismissal(r.doc, key, reason === null ? null : { reason, by: member.id, at: Date.now() }),
    );
  }

  private async partnershipOf(id: string): Promise<Partnership> {
    const partnership = await this.people.getPartnership(id);
    if (!partnership) throw new AppError(ErrorCode.NOT_FOUND, 'No such partnership.');
    return partnership;
  }

  /** Runs `use` with a partnership's agreement, status and both legs loaded. */
  private withDocs<T>(partnershipId: string, use: (docs: Docs, agreement: Room) => T) {
    const documents = [
      'agreement',
      'status',
      'itinerary.A',
      'itinerary.B',
      'agreement.threads',
    ] as const;
    const names = documents.map((document) => formatRoomName({ partnershipId, document }));
    return this.registry.withRooms(names, ([agreement, status, a, b, threads]) => {
      if (!agreement || !status || !a || !b || !threads) throw new Error('rooms missing');
      const docs = { agreement: agreement.doc, status: status.doc, A: a.doc, B: b.doc };
      return use({ ...docs, threads: threads.doc }, agreement);
    });
  }
}
