import * as Y from 'yjs';
import { parseRoomName } from '@tandem/shared/doc/documents';
import { seedAgreement } from '@tandem/shared/doc/template';
import type { PeopleStore } from '../persistence/PeopleStore';

/**
 * The first content of a new document: the agreement template in both partnership languages.
 * Other documents start empty.
 */
export function createSeeder(people: PeopleStore) {
  return async (name: string): Promise<Uint8Array | null> => {
    const room = parseRoomName(name);
    if (room?.document !== 'agreement') return null;
    const partnership = await people.getPartnership(room.partnershipId);
    if (!partnership) return null;
    const doc = new Y.Doc();
    const { A, B } = partnership.sides;
    seedAgreement(doc, [A.language, B.language], Date.now());
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  };
}
