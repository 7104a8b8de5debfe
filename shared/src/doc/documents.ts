/** The documents (rooms) of one partnership. Threads live apart from content (shared/README.md). */
export const DOCUMENT_NAMES = [
  'agreement',
  'agreement.threads',
  'itinerary.A',
  'itinerary.B',
  'itinerary.A.threads',
  'itinerary.B.threads',
  'status',
] as const;
/** One of a partnership's documents. */
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** The comment-thread documents, apart from the content they discuss. */
export const THREAD_DOCUMENTS = DOCUMENT_NAMES.filter((d) => d.endsWith('.threads'));

/** The content a threads document discusses (`agreement` for `agreement.threads`). */
export function discussedDocument(threads: DocumentName): DocumentName {
  const content = threads.replace(/\.threads$/, '');
  return isDocumentName(content) ? content : threads;
}

/** A room is one document of one partnership: `<partnershipId>/<document>`. */
export interface RoomName {
  partnershipId: string;
  document: DocumentName;
}

const PARTNERSHIP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be a partnership id (letters, digits, `_`, `-`; at most 64). */
export function isPartnershipId(value: string): boolean {
  return PARTNERSHIP_ID.test(value);
}

function isDocumentName(value: string): value is DocumentName {
  return (DOCUMENT_NAMES as readonly string[]).includes(value);
}

/** Parses `<partnershipId>/<document>`; `null` for anything else. */
export function parseRoomName(value: string): RoomName | null {
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const partnershipId = value.slice(0, slash);
  const document = value.slice(slash + 1);
  if (!isPartnershipId(partnershipId) || !isDocumentName(document)) return null;
  return { partnershipId, document };
}

/** The inverse of {@link parseRoomName}. */
export function formatRoomName(room: RoomName): string {
  return `${room.partnershipId}/${room.document}`;
}
