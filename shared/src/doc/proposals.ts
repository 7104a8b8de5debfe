import * as Y from 'yjs';
import { getClauseText } from './agreement';
import { fingerprint, plainText } from './fingerprint';
import type { Thread } from './threads';

/** Replaces a clause version by plain text, one paragraph per line, in one step. */
export function replaceClauseText(doc: Y.Doc, clauseId: string, lang: string, text: string): void {
  const fragment = getClauseText(doc, clauseId, lang);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    const paragraphs = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(line)]);
        return p;
      });
    fragment.insert(0, paragraphs);
  });
}

/** Whether the text a proposal was written against has changed since (the proposal is stale). */
export function isProposalStale(content: Y.Doc, thread: Thread): boolean {
  if (!thread.proposal || !('clauseId' in thread.target)) return false;
  const { clauseId, lang } = thread.target;
  return (
    fingerprint(plainText(getClauseText(content, clauseId, lang))) !== thread.proposal.baseHash
  );
}
