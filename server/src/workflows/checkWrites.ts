import { languagesOf } from '@tandem/shared/doc/agreement';
import { parseRoomName } from '@tandem/shared/doc/documents';
import { readMeta } from '@tandem/shared/doc/itinerary';
import { ruledDocumentOf, writeProblem } from '@tandem/shared/doc/writeRules';
import { UnreadableUpdateError, writesOf } from '@tandem/shared/doc/writes';
import type { Peer } from '../rooms/Peer';
import { ForbiddenChangeError, type Room } from '../rooms/Room';

/**
 * The server's check of every update a connection sends (writeRules.ts): the update's own
 * structs are read against the document as it is, so nothing is copied or applied first. A
 * refused update changes nothing, and its connection is closed with 4403.
 */
export function checkWrites(room: Room, peer: Peer, update: Uint8Array): void {
  const name = parseRoomName(room.name);
  if (!name || peer.memberId === null) return;
  const { document } = name;
  const ruled = ruledDocumentOf(document);
  if (!ruled) throw new ForbiddenChangeError(`${document} is written by the server only`);
  const languages =
    ruled === 'agreement'
      ? languagesOf(room.doc)
      : ruled === 'itinerary'
        ? (readMeta(room.doc)?.languages ?? [])
        : [];
  let problem: string | null;
  try {
    problem = writeProblem(ruled, writesOf(room.doc, update), {
      memberId: peer.memberId,
      side: peer.side,
      languages,
      ownLanguage: peer.language,
      mayDecide: peer.mayDecide,
      mayPropose: peer.mayPropose,
    });
  } catch (error) {
    if (!(error instanceof UnreadableUpdateError)) throw error;
    problem = error.message;
  }
  if (problem) throw new ForbiddenChangeError(problem);
}
