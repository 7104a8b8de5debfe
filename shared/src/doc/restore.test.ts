import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getClauseText, listClauses, removeClause } from './agreement';
import { addListItem, readList } from './answers';
import { plainText } from './fingerprint';
import { restoreAgreement } from './restore';
import { seedAgreement } from './template';

function write(doc: Y.Doc, clauseId: string, lang: string, text: string): void {
  const fragment = getClauseText(doc, clauseId, lang);
  fragment.delete(0, fragment.length);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  fragment.insert(0, [p]);
}

describe('restoreAgreement', () => {
  it('brings back an older version as a new edit that every copy receives', () => {
    const live = new Y.Doc();
    seedAgreement(live, ['en', 'zh-Hans'], 0);
    write(live, 'purpose', 'en', 'Learn together');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(live));

    write(live, 'purpose', 'en', 'Something else');
    removeClause(live, 'goals');
    addListItem(live, 'cultural-exchange', 'A', { id: 'i', lang: 'en', text: 'Jazz', by: 'm' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
    live.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update));

    restoreAgreement(live, version);
    for (const doc of [live, peer]) {
      expect(plainText(getClauseText(doc, 'purpose', 'en'))).toBe('Learn together');
      expect(listClauses(doc).map((c) => c.id)).toEqual(listClauses(version).map((c) => c.id));
      expect(readList(doc, 'cultural-exchange', 'A')).toEqual([]);
    }
  });
});
