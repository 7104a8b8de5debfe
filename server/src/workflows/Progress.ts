import type { PartnershipProgress } from '@tandem/shared/api';
import { listClauses } from '@tandem/shared/doc/agreement';
import { clauseState } from '@tandem/shared/doc/clauseStatus';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { legDates, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import { signingStateOf } from '@tandem/shared/doc/status';
import type * as Y from 'yjs';
import type { RoomRegistry } from '../rooms/RoomRegistry';

/** Clause statuses that still lack a language version's text. */
const NOT_WRITTEN = new Set(['empty', 'untranslated']);

function legProgress(leg: Y.Doc): PartnershipProgress['itineraries']['A'] {
  const meta = readMeta(leg);
  const items = readItems(leg).filter((item) => item.status !== 'dropped');
  const days = meta ? legDates(meta) : [];
  const planned = new Set(items.flatMap((item) => (item.date ? [item.date] : [])));
  return {
    days: days.length,
    planned: days.filter((day) => planned.has(day)).length,
    open: items.filter((item) => item.status === 'proposed').length,
  };
}

/**
 * Where a partnership stands, for its home page: the agreement's clauses (written in every
 * language, aligned, approved by each school), each itinerary's planned days and open
 * proposals, and the signing phase. Read from the documents as the server holds them.
 */
export class Progress {
  constructor(private readonly registry: RoomRegistry) {}

  of(partnershipId: string): Promise<PartnershipProgress> {
    const names = (['agreement', 'status', 'itinerary.A', 'itinerary.B'] as const).map((document) =>
      formatRoomName({ partnershipId, document }),
    );
    return this.registry.withRooms(names, ([agreement, status, legA, legB]) => {
      if (!agreement || !status || !legA || !legB) throw new Error('rooms missing');
      const clauses = listClauses(agreement.doc).map((c) =>
        clauseState(agreement.doc, status.doc, c),
      );
      const signing = signingStateOf(status.doc);
      return {
        agreement: {
          clauses: clauses.length,
          written: clauses.filter((c) => !NOT_WRITTEN.has(c.status.kind)).length,
          aligned: clauses.filter((c) => c.status.kind === 'aligned').length,
          approved: {
            A: clauses.filter((c) => c.approvals.A).length,
            B: clauses.filter((c) => c.approvals.B).length,
          },
        },
        itineraries: { A: legProgress(legA.doc), B: legProgress(legB.doc) },
        signing: {
          phase: signing.phase,
          isAmendment: signing.isAmendment,
          signed: {
            A: signing.signatures.some((s) => s.side === 'A'),
            B: signing.signatures.some((s) => s.side === 'B'),
          },
        },
      };
    });
  }
}
