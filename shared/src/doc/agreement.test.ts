import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEMPLATE_KINDS } from './agreementSchema';
import {
  addClause,
  languagesOf,
  listClauses,
  moveClause,
  removeClause,
  removedClauses,
  renameClause,
  restoreClause,
} from './agreement';
import { addListItem, readList, removeListItem } from './answers';
import { plainText } from './fingerprint';
import { seedAgreement } from './template';

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedAgreement(doc, ['en', 'zh-Hans'], 0);
  return doc;
}

const ids = (doc: Y.Doc) => listClauses(doc).map((c) => c.id);

describe('seedAgreement (P1)', () => {
  it('seeds every template clause with titles and guiding questions in both languages', () => {
    const doc = seeded();
    const clauses = listClauses(doc);
    expect(clauses.map((c) => c.kind)).toEqual([...TEMPLATE_KINDS]);
    expect(languagesOf(doc)).toEqual(['en', 'zh-Hans']);
    const purpose = clauses[0];
    expect(purpose?.title).toEqual({ en: 'Purpose of the partnership', 'zh-Hans': '合作目的' });
    expect(purpose?.guide.en).toMatch(/\?$/m);
    expect(purpose?.guide['zh-Hans']).toMatch(/？/);
  });

  it('falls back to the closest launch language for other partnership languages', () => {
    const doc = new Y.Doc();
    seedAgreement(doc, ['de', 'fr-CA'], 0);
    const purpose = listClauses(doc)[0];
    expect(purpose?.title).toEqual({
      de: 'Purpose of the partnership',
      'fr-CA': 'Objet du partenariat',
    });
  });
});

describe('clause operations', () => {
  it('adds, renames and moves a clause', () => {
    const doc = seeded();
    addClause(doc, { id: 'x1', kind: 'custom', title: { en: 'Sports' }, by: 'm1', at: 1 }, 1);
    renameClause(doc, 'x1', 'zh-Hans', '体育');
    expect(ids(doc).slice(0, 3)).toEqual(['purpose', 'x1', 'goals']);
    expect(listClauses(doc)[1]?.title).toEqual({ en: 'Sports', 'zh-Hans': '体育' });
    moveClause(doc, 'x1', 0);
    expect(ids(doc).slice(0, 2)).toEqual(['x1', 'purpose']);
    moveClause(doc, 'x1', 99);
    expect(ids(doc).at(-1)).toBe('x1');
  });

  it('removes a clause so that undo brings it back whole, with its text', () => {
    const doc = seeded();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Why we partner')]);
    doc.getXmlFragment('c/goals/en').insert(0, [p]);
    const index = removeClause(doc, 'goals');
    expect(ids(doc)).not.toContain('goals');
    expect(removedClauses(doc).map((c) => c.id)).toEqual(['goals']);
    restoreClause(doc, 'goals', index);
    expect(ids(doc)[1]).toBe('goals');
    expect(plainText(doc.getXmlFragment('c/goals/en'))).toBe('Why we partner');
  });

  it('reads one clause once when concurrent moves duplicated its id', () => {
    const a = seeded();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveClause(a, 'finance', 0);
    moveClause(b, 'finance', 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).filter((id) => id === 'finance')).toHaveLength(1);
    expect(ids(a)).toHaveLength(TEMPLATE_KINDS.length);
  });

  it("keeps each side's reciprocal list apart (P3)", () => {
    const doc = seeded();
    addListItem(doc, 'cultural-exchange', 'A', {
      id: 'i1',
      lang: 'en',
      text: 'Baseball',
      by: 'm1',
    });
    addListItem(doc, 'cultural-exchange', 'B', {
      id: 'i2',
      lang: 'zh-Hans',
      text: '书法',
      by: 'm2',
    });
    expect(readList(doc, 'cultural-exchange', 'A')).toEqual([
      { id: 'i1', text: { en: 'Baseball' }, by: 'm1' },
    ]);
    removeListItem(doc, 'cultural-exchange', 'B', 'i2');
    expect(readList(doc, 'cultural-exchange', 'B')).toEqual([]);
  });
});
