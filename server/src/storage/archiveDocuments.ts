import { parseRoomName } from '@tandem/shared/doc/documents';
import { documentShapeProblem } from '@tandem/shared/doc/documentShape';
import { School } from '@tandem/shared/peopleBodies';
import * as Y from 'yjs';

type Rows = Record<string, Record<string, unknown>[]>;

/** What is wrong with an archive's documents, or null: read before anything is written. */
export function archiveDocumentsProblem(partnershipId: string, rows: Rows): string | null {
  const languages = { A: '', B: '' };
  for (const side of rows.sides ?? []) {
    const school = School.safeParse(safeJson(side.school));
    if (!school.success || (side.side !== 'A' && side.side !== 'B'))
      return 'a school is unreadable';
    languages[side.side] = school.data.language;
  }
  if (!languages.A || !languages.B) return 'a school is missing';
  // Each document as the server would load it: its snapshot, then its log in order.
  const docs = new Map<string, Y.Doc>();
  const docOf = (name: unknown) => {
    const key = String(name);
    let doc = docs.get(key);
    if (!doc) {
      doc = new Y.Doc({ gc: false });
      docs.set(key, doc);
    }
    return doc;
  };
  for (const row of rows.doc_snapshots ?? [])
    Y.applyUpdate(docOf(row.doc), row.state as Uint8Array);
  for (const row of rows.doc_updates ?? []) Y.applyUpdate(docOf(row.doc), row.data as Uint8Array);
  const versions = (rows.versions ?? []).map((row) => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, row.state as Uint8Array);
    return [row.doc, doc] as const;
  });
  for (const [name, doc] of [...docs.entries(), ...versions]) {
    const room = parseRoomName(String(name));
    if (!room || room.partnershipId !== partnershipId)
      return `${String(name)} is no document of it`;
    const problem = documentShapeProblem(room.document, doc, languages);
    if (problem) return `${room.document}: ${problem}`;
  }
  return null;
}

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    return null;
  }
}
