import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteComment,
  editComment,
  readThreads,
  reply,
  setResolved,
  startThread,
} from './threads';

const comment = (id: string, authorId: string, body: string, at: number) => ({
  id,
  authorId,
  body,
  mentions: [],
  at,
  timeZone: 'Asia/Shanghai',
});

describe('threads', () => {
  it('start, resolve, and reopen on a reply', () => {
    const doc = new Y.Doc();
    startThread(
      doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'zh-Hans' }, anchor: null },
      comment('c1', 'b', '这里要写两周吗？', 1),
    );
    setResolved(doc, 't1', true, 'a', 2);
    expect(readThreads(doc)[0]).toMatchObject({ resolved: true, resolvedBy: 'a', resolvedAt: 2 });
    reply(doc, 't1', comment('c2', 'a', 'Yes, two weeks.', 3));
    const [thread] = readThreads(doc);
    expect(thread).toMatchObject({ resolved: false, resolvedBy: null });
    expect(thread?.comments.map((c) => c.body)).toEqual(['这里要写两周吗？', 'Yes, two weeks.']);
  });

  it('edits and deletes a comment, keeping a marker of the deletion', () => {
    const doc = new Y.Doc();
    startThread(
      doc,
      { id: 't1', target: { itemId: 'i1' }, anchor: null },
      comment('c1', 'b', 'Hi', 1),
    );
    editComment(doc, 't1', 'c1', 'Hello', 2);
    expect(readThreads(doc)[0]?.comments[0]).toMatchObject({ body: 'Hello', editedAt: 2 });
    deleteComment(doc, 't1', 'c1', 3);
    expect(readThreads(doc)[0]?.comments[0]).toMatchObject({ body: '', deletedAt: 3 });
  });

  it('skips what a misbehaving client wrote instead of failing', () => {
    const doc = new Y.Doc();
    doc.getMap('threads').set('bad', 42);
    doc.getMap('threads').set('worse', new Y.Map());
    expect(readThreads(doc)).toEqual([]);
  });
});
