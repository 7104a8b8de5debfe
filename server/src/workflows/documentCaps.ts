import { parseRoomName } from '@tandem/shared/doc/documents';

const MiB = 1024 * 1024;

/**
 * The most bytes each kind of document may take in the store (snapshot plus log). A full
 * agreement of 30 clauses in two languages with its edit history is about 300 KiB, a leg of
 * 14 days with 80 items under 100 KiB, a lively thread document under 1 MiB: the caps leave
 * ten times that, and stop a script from filling the disk.
 */
export const DOCUMENT_CAPS = {
  agreement: 8 * MiB,
  itinerary: 4 * MiB,
  threads: 4 * MiB,
  status: 2 * MiB,
} as const;

/** The cap of the document a room holds; the smallest cap for a name that names none. */
export function capOf(roomName: string): number {
  const document = parseRoomName(roomName)?.document;
  if (document === undefined) return DOCUMENT_CAPS.status;
  if (document.endsWith('.threads')) return DOCUMENT_CAPS.threads;
  if (document.startsWith('itinerary')) return DOCUMENT_CAPS.itinerary;
  return document === 'agreement' ? DOCUMENT_CAPS.agreement : DOCUMENT_CAPS.status;
}
