import * as Y from 'yjs';
import { getClauseText, languagesOf } from '@tandem/shared/doc/agreement';
import type { DocumentName } from '@tandem/shared/doc/documents';
import { addItem, readItems, readMeta } from '@tandem/shared/doc/itinerary';
import { readThreads, startThread } from '@tandem/shared/doc/threads';
import type { Side } from '@tandem/shared/people';
import { clauseText } from './helpers';

/**
 * Writes `mark` into a document as that document's own client would, so that the change is
 * valid for anyone who may edit it: a paragraph in the agreement, an item in a leg, a thread
 * in a threads document (the status document has no client writes at all).
 */
export function writeMark(
  doc: Y.Doc,
  document: DocumentName,
  mark: string,
  who: { memberId: string; side: Side },
): void {
  if (document === 'agreement') {
    // Each school writes the version in its own language: A's is first, B's second.
    const fragment = getClauseText(
      doc,
      'purpose',
      languagesOf(doc)[who.side === 'A' ? 0 : 1] ?? 'en',
    );
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(mark)]);
    fragment.insert(fragment.length, [paragraph]);
  } else if (document.endsWith('.threads')) {
    startThread(
      doc,
      { id: crypto.randomUUID(), target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: crypto.randomUUID(),
        authorId: who.memberId,
        body: mark,
        mentions: [],
        at: 1,
        timeZone: 'UTC',
      },
    );
  } else if (document.startsWith('itinerary.')) {
    const meta = readMeta(doc);
    addItem(doc, {
      id: crypto.randomUUID(),
      date: meta?.startDate ?? null,
      kind: 'group-event',
      title: { [meta?.languages[0] ?? 'en']: mark },
      languages: meta?.languages ?? ['en'],
      proposedBy: who.side,
      status: 'agreed',
    });
  } else {
    doc.getMap('signing').set('phase', mark);
  }
}

/** Whether a document shows `mark` (see writeMark). */
export function hasMark(doc: Y.Doc, document: DocumentName, mark: string): boolean {
  if (document === 'agreement') {
    return languagesOf(doc).some((lang) => clauseText(doc, lang).includes(mark));
  }
  if (document.endsWith('.threads')) {
    return readThreads(doc).some((t) => t.comments.some((c) => c.body === mark));
  }
  if (document.startsWith('itinerary.')) {
    return readItems(doc).some((item) => Object.values(item.title).includes(mark));
  }
  return doc.getMap('signing').get('phase') === mark;
}
