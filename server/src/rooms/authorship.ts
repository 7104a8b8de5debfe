import * as Y from 'yjs';

/**
 * Surviving inserted characters per member: every text item not deleted, counted to the member who
 * introduced its clientID. Computed from the CRDT itself, so a client cannot forge it.
 */
export function countAuthorship(
  doc: Y.Doc,
  owners: ReadonlyMap<number, string>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [client, structs] of doc.store.clients) {
    const owner = owners.get(client);
    if (owner === undefined) continue;
    let count = 0;
    for (const struct of structs) {
      // Characters only: the paragraphs and maps that hold them are structure, not writing.
      const isText = struct instanceof Y.Item && struct.content instanceof Y.ContentString;
      if (isText && !struct.deleted) count += struct.length;
    }
    if (count > 0) counts.set(owner, (counts.get(owner) ?? 0) + count);
  }
  return counts;
}
