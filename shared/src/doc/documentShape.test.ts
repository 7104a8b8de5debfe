import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClause, getClauseText, moveClause, removeClause, renameClause } from './agreement';
import { documentShapeProblem } from './documentShape';
import { addItem, removeItem, seedLeg, setItemField, setLegDates, setVote } from './itinerary';
import { setAlignment } from './status';
import { seedAgreement, adoptLanguages } from './template';
import { editComment, reply, setResolved, startThread } from './threads';

const LANGUAGES = { A: 'en', B: 'zh-Hans' };

function agreement(): Y.Doc {
  const doc = new Y.Doc();
  seedAgreement(doc, ['en', 'zh-Hans'], 1);
  addClause(doc, { id: 'extra', kind: 'custom', title: { en: 'Extra' }, by: 'm1', at: 2 });
  renameClause(doc, 'extra', 'zh-Hans', '附加');
  moveClause(doc, 'extra', 0);
  removeClause(doc, 'goals');
  const text = new Y.XmlText('Both schools');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  getClauseText(doc, 'purpose', 'en').insert(0, [paragraph]);
  text.delete(0, 5);
  adoptLanguages(doc, ['en', 'zh-Hans']);
  return doc;
}

function leg(): Y.Doc {
  const doc = new Y.Doc();
  const languages = ['en', 'zh-Hans'];
  seedLeg(doc, {
    hostSide: 'A',
    startDate: '2027-07-01',
    endDate: '2027-07-14',
    timeZone: 'UTC',
    languages,
  });
  setLegDates(doc, '2027-07-02', '2027-07-15');
  const base = {
    date: '2027-07-02',
    kind: 'school-day',
    languages,
    proposedBy: 'B',
    status: 'proposed',
  } as const;
  addItem(doc, { ...base, id: 'i1', title: { en: 'Lessons' } });
  addItem(doc, { ...base, id: 'i2', title: { 'zh-Hans': '参观' } });
  setItemField(doc, 'i1', 'status', 'agreed');
  setVote(doc, 'i1', 'm2', 'yes');
  removeItem(doc, 'i2');
  return doc;
}

function threads(): Y.Doc {
  const doc = new Y.Doc();
  const comment = (id: string, authorId: string) => ({
    id,
    authorId,
    body: 'Can we add a week?',
    mentions: [],
    at: 1,
    timeZone: 'UTC',
  });
  startThread(
    doc,
    { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
    comment('c1', 'm1'),
  );
  reply(doc, 't1', comment('c2', 'm2'));
  editComment(doc, 't1', 'c2', 'Can we add two weeks?', 2);
  setResolved(doc, 't1', true, 'm1', 3);
  return doc;
}

describe('the shape of a whole document (archive import)', () => {
  it('accepts documents as people and the server write them', () => {
    expect(documentShapeProblem('agreement', agreement(), LANGUAGES)).toBeNull();
    expect(documentShapeProblem('itinerary.A', leg(), LANGUAGES)).toBeNull();
    expect(documentShapeProblem('agreement.threads', threads(), LANGUAGES)).toBeNull();
    const status = new Y.Doc();
    setAlignment(status, 'purpose', { versions: {}, by: 'm1', at: 1 });
    expect(documentShapeProblem('status', status, LANGUAGES)).toBeNull();
  });

  it('refuses a field the editor never writes, wherever it hides', () => {
    const health = leg();
    health.getMap<Y.Map<unknown>>('items').get('i1')?.set('health', 'asthma');
    expect(documentShapeProblem('itinerary.A', health, LANGUAGES)).toContain('health');

    const address = agreement();
    address.getMap('homeAddresses').set('A', '1 Main Street');
    expect(documentShapeProblem('agreement', address, LANGUAGES)).toContain('homeAddresses');

    const column = agreement();
    getClauseText(column, 'purpose', 'de').insert(0, [new Y.XmlText('x')]);
    expect(documentShapeProblem('agreement', column, LANGUAGES)).toContain('de');

    const diet = threads();
    const first = diet.getMap<Y.Map<unknown>>('threads').get('t1')?.get('comments');
    (first as Y.Array<Y.Map<unknown>>).get(0).set('diet', 'vegetarian');
    expect(documentShapeProblem('agreement.threads', diet, LANGUAGES)).toContain('diet');

    const status = new Y.Doc();
    status.getMap('vetting').set('m1', 'cleared');
    expect(documentShapeProblem('status', status, LANGUAGES)).toContain('vetting');
  });

  it('refuses a deleted sensitive field too while its value is still stored (an update log)', () => {
    const log = new Y.Doc({ gc: false });
    Y.applyUpdate(log, Y.encodeStateAsUpdate(leg()));
    const item = log.getMap<Y.Map<unknown>>('items').get('i1');
    item?.set('diet', 'vegetarian');
    item?.delete('diet');
    expect(documentShapeProblem('itinerary.A', log, LANGUAGES)).toContain('diet');
  });
});
