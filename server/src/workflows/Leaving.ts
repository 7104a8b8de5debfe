import { formatRoomName, THREAD_DOCUMENTS } from '@tandem/shared/doc/documents';
import { readThreads } from '@tandem/shared/doc/threads';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Auth, Session } from '../auth/Auth';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { PeopleStore } from '../storage/PeopleStore';
import type { SigningReads } from '../storage/SigningStore';

/** What a person takes with them: `GET /api/me/data`. */
export interface PersonalData {
  format: 'tandem-personal-data/1';
  exportedAt: number;
  account: Session['account'];
  devices: { device: string; signedInAt: number }[];
  memberships: {
    partnershipId: string;
    schools: Record<'A' | 'B', string>;
    side: 'A' | 'B';
    role: string;
    joinedAt: number;
    leftAt: number | null;
  }[];
  comments: {
    partnershipId: string;
    document: string;
    threadId: string;
    id: string;
    body: string;
    createdAt: number;
    editedAt: number | null;
    deletedAt: number | null;
  }[];
  signatures: {
    partnershipId: string;
    signingId: string;
    agreementHash: string;
    side: 'A' | 'B';
    name: string;
    title: string;
    typed: string | null;
    image: string | null;
    consent: string;
    at: number;
  }[];
}

/**
 * Leaving Tandem: a person downloads what is theirs and deletes their account. The partnership
 * stays whole and honest: their comments stay, shown as a former member's of their school;
 * signatures, signed PDFs and the audit chain are not touched. A school keeps a coordinator.
 */
export class Leaving {
  constructor(
    private readonly deps: {
      people: PeopleStore;
      auth: Auth;
      registry: RoomRegistry;
      signings: SigningReads;
      /** Ends the connections of these sessions at once. */
      endSessions: (sessionHashes: string[]) => void;
    },
  ) {}

  async dataOf(session: Session): Promise<PersonalData> {
    const { people, registry, signings } = this.deps;
    const { account } = session;
    const records = await people.listAllMemberships(account.id);
    const memberIds = new Set(records.map((r) => r.memberId));
    const data: PersonalData = {
      format: 'tandem-personal-data/1',
      exportedAt: Date.now(),
      account,
      devices: (await people.listSessions(account.id, Date.now())).map((s) => ({
        device: s.device,
        signedInAt: s.createdAt,
      })),
      memberships: [],
      comments: [],
      signatures: [],
    };
    for (const partnershipId of new Set(records.map((r) => r.partnershipId))) {
      const partnership = await people.getPartnership(partnershipId);
      if (!partnership) continue;
      const schools = { A: partnership.sides.A.name, B: partnership.sides.B.name };
      for (const r of records.filter((m) => m.partnershipId === partnershipId)) {
        data.memberships.push({
          partnershipId,
          schools,
          side: r.side,
          role: r.role,
          joinedAt: r.joinedAt,
          leftAt: r.removedAt,
        });
      }
      for (const document of THREAD_DOCUMENTS) {
        const threads = await registry.withRoom(
          formatRoomName({ partnershipId, document }),
          (room) => readThreads(room.doc),
        );
        for (const thread of threads) {
          for (const c of thread.comments.filter((comment) => memberIds.has(comment.authorId))) {
            data.comments.push({
              partnershipId,
              document,
              threadId: thread.id,
              id: c.id,
              body: c.body,
              createdAt: c.createdAt,
              editedAt: c.editedAt,
              deletedAt: c.deletedAt,
            });
          }
        }
      }
      // Signed agreements (amended ones too) and a signing under way; the signed one in force is both.
      const current = await signings.current(partnershipId);
      const all = new Map(
        [...(await signings.archived(partnershipId)), ...(current ? [current] : [])].map((s) => [
          s.id,
          s,
        ]),
      );
      for (const signing of all.values()) {
        for (const s of await signings.signatures(signing.id)) {
          if (!memberIds.has(s.memberId)) continue;
          data.signatures.push({
            partnershipId,
            signingId: signing.id,
            agreementHash: signing.hash,
            side: s.side,
            name: s.name,
            title: s.title,
            typed: s.typed,
            image: s.image,
            consent: s.consent,
            at: s.at,
          });
        }
      }
    }
    return data;
  }

  /**
   * Deletes the signed-in person's account after checking the password. Refused with
   * LAST_COORDINATOR (listing the partnerships) while they are the only coordinator of their
   * school somewhere: they hand over first.
   */
  async deleteAccount(session: Session, password: string): Promise<void> {
    const { people, auth } = this.deps;
    await auth.checkPassword(session, password);
    const blocking: string[] = [];
    for (const membership of await people.listMemberships(session.account.id)) {
      if (membership.role !== 'coordinator') continue;
      const partnership = await people.getPartnership(membership.partnershipId);
      const others = partnership?.members.filter(
        (m) =>
          m.side === membership.side && m.role === 'coordinator' && m.id !== membership.memberId,
      );
      if (!others?.length) blocking.push(membership.partnershipId);
    }
    if (blocking.length) {
      throw new AppError(
        ErrorCode.LAST_COORDINATOR,
        'You are the last coordinator of your school: make someone else coordinator first.',
        { partnerships: blocking },
      );
    }
    this.deps.endSessions(await people.deleteAccount(session.account.id, Date.now()));
  }
}
