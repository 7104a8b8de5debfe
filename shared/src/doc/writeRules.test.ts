import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteComment,
  editComment,
  reanchor,
  reply,
  setProposalState,
  setResolved,
  startThread,
} from './threads';
import { type Writer, writeProblem } from './writeRules';
import { writesOf } from './writes';

const comment = (authorId: string, id = `c-${authorId}`) => ({
  id,
  authorId,
  body: 'Is two weeks enough?',
  mentions: [],
  at: 1,
  timeZone: 'UTC',
});

/**
 * A threads document with one proposal by `ana`; `change` is made on a copy, as a client would,
 * and its update judged against the original without applying it.
 */
function verdict(
  change: (doc: Y.Doc) => void,
  who: Pick<Writer, 'memberId' | 'mayDecide'> & Partial<Writer>,
) {
  const server = new Y.Doc();
  startThread(
    server,
    {
      id: 't1',
      target: { clauseId: 'purpose', lang: 'en' },
      anchor: null,
      proposal: { text: 'New text', baseHash: null, state: 'open' },
    },
    comment('ana'),
  );
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  const update = Y.encodeStateAsUpdate(client, before);
  return writeProblem('threads', writesOf(server, update), {
    side: 'A',
    languages: [],
    ownLanguage: 'en',
    mayPropose: true,
    ...who,
  });
}

const bo = { memberId: 'bo', mayDecide: false };
const editor = { memberId: 'ed', mayDecide: true };

describe('who may change a threads document', () => {
  it('lets anyone who comments start threads, reply, resolve, reopen and re-attach', () => {
    const own = (doc: Y.Doc) =>
      startThread(doc, { id: 't2', target: { itemId: 'i1' }, anchor: null }, comment('bo', 'c2'));
    expect(verdict(own, bo)).toBeNull();
    expect(verdict((doc) => reply(doc, 't1', comment('bo', 'c3')), bo)).toBeNull();
    expect(verdict((doc) => setResolved(doc, 't1', true, 'bo', 5), bo)).toBeNull();
    expect(verdict((doc) => reanchor(doc, 't1', { from: 1, to: 2, quote: 'x' }), bo)).toBeNull();
  });

  it('refuses writing, editing or deleting in another name', () => {
    const asAna = (doc: Y.Doc) =>
      startThread(doc, { id: 't2', target: { itemId: 'i1' }, anchor: null }, comment('ana', 'c2'));
    expect(verdict(asAna, bo)).toMatch(/set once/);
    expect(verdict((doc) => reply(doc, 't1', comment('ana', 'c3')), bo)).toMatch(/set once/);
    expect(verdict((doc) => editComment(doc, 't1', 'c-ana', 'Changed', 2), bo)).toMatch(/another/);
    expect(verdict((doc) => deleteComment(doc, 't1', 'c-ana', 2), bo)).toMatch(/another/);
    expect(verdict((doc) => setResolved(doc, 't1', true, 'ana', 5), bo)).toMatch(/another name/);
    const ana = { memberId: 'ana', mayDecide: false };
    expect(verdict((doc) => editComment(doc, 't1', 'c-ana', 'Mine', 2), ana)).toBeNull();
  });

  it('refuses removing threads or comments outright', () => {
    expect(verdict((doc) => doc.getMap('threads').delete('t1'), editor)).toMatch(/never removed/);
    const emptied = (doc: Y.Doc) =>
      (
        (doc.getMap('threads').get('t1') as Y.Map<unknown>).get('comments') as Y.Array<unknown>
      ).delete(0);
    expect(verdict(emptied, editor)).toMatch(/never removed/);
  });

  it('leaves proposals to editors of the document and keeps their text', () => {
    expect(verdict((doc) => setProposalState(doc, 't1', 'accepted'), bo)).toMatch(/decided/);
    expect(verdict((doc) => setProposalState(doc, 't1', 'accepted'), editor)).toBeNull();
    const rewrite = (doc: Y.Doc) =>
      (doc.getMap('threads').get('t1') as Y.Map<unknown>).set('proposal', {
        text: 'Other',
        baseHash: null,
        state: 'open',
      });
    expect(verdict(rewrite, editor)).toMatch(/text/);
  });

  it('refuses new proposals while the agreement is frozen, but not comments', () => {
    const propose = (doc: Y.Doc) =>
      startThread(
        doc,
        {
          id: 't2',
          target: { clauseId: 'purpose', lang: 'en' },
          anchor: null,
          proposal: { text: 'Other', baseHash: null, state: 'open' },
        },
        comment('ed', 'c2'),
      );
    expect(verdict(propose, { ...editor, mayPropose: false })).toMatch(/frozen/);
    expect(verdict(propose, editor)).toBeNull();
    expect(
      verdict((doc) => reply(doc, 't1', comment('ed', 'c3')), { ...editor, mayPropose: false }),
    ).toBeNull();
  });

  it('refuses any other top-level type', () => {
    expect(verdict((doc) => doc.getMap('notes').set('x', 1), editor)).toMatch(/not part/);
  });
});
