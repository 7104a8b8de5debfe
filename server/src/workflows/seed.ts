import * as Y from 'yjs';
import { parseRoomName } from '@tandem/shared/doc/documents';
import { addDays, LEG_DAYS, type LegMeta, seedLeg } from '@tandem/shared/doc/itinerary';
import { seedAgreement } from '@tandem/shared/doc/template';
import type { Side } from '@tandem/shared/people';
import type { School } from '@tandem/shared/peopleBodies';
import type { PeopleStore } from '../storage/PeopleStore';

/**
 * The first content of a new document: the agreement template in both partnership languages,
 * or an itinerary leg's dates, zone and languages. Other documents start empty.
 */
export function createSeeder(people: PeopleStore) {
  return async (name: string): Promise<Uint8Array | null> => {
    const room = parseRoomName(name);
    const isLeg = room?.document === 'itinerary.A' || room?.document === 'itinerary.B';
    if (!room || (room.document !== 'agreement' && !isLeg)) return null;
    const partnership = await people.getPartnership(room.partnershipId);
    if (!partnership) return null;
    const doc = new Y.Doc();
    const { A, B } = partnership.sides;
    if (room.document === 'agreement') seedAgreement(doc, [A.language, B.language], Date.now());
    else seedLeg(doc, defaultLeg(room.document === 'itinerary.A' ? 'A' : 'B', partnership.sides));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  };
}

/**
 * A new leg: the host school's zone and both languages; two weeks from the next 1 July (side A
 * hosts) or 1 August (side B hosts), the usual summer exchange (P17). People change the dates.
 */
export function defaultLeg(hostSide: Side, sides: Record<Side, School>, now = Date.now()): LegMeta {
  const today = new Date(now);
  const month = hostSide === 'A' ? 7 : 8;
  const thisYear = today.getUTCFullYear();
  const year = today.getUTCMonth() + 1 < month ? thisYear : thisYear + 1;
  const startDate = `${year}-${String(month).padStart(2, '0')}-01`;
  return {
    hostSide,
    startDate,
    endDate: addDays(startDate, LEG_DAYS - 1),
    timeZone: sides[hostSide].timeZone,
    languages: [...new Set([sides.A.language, sides.B.language])],
  };
}
