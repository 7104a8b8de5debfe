import { describe, expect, it } from 'vitest';
import type { Thread } from '@tandem/shared/doc/threads';
import { commentTimes } from './commentTime';
import { filterThreads, mentionsIn } from './filterThreads';

const thread = (
  id: string,
  resolved: boolean,
  author: string,
  mentions: string[] = [],
): Thread => ({
  id,
  target: { clauseId: 'purpose', lang: 'en' },
  anchor: null,
  createdBy: author,
  createdAt: 0,
  resolved,
  resolvedBy: null,
  resolvedAt: null,
  kind: 'comment',
  proposal: null,
  comments: [
    {
      id: `${id}c`,
      authorId: author,
      body: '',
      mentions,
      createdAt: 0,
      timeZone: 'UTC',
      editedAt: null,
      deletedAt: null,
    },
  ],
});

describe('thread filters', () => {
  const threads = [
    thread('a', false, 'me'),
    thread('b', true, 'you', ['me']),
    thread('c', false, 'you'),
  ];
  it('keeps open, resolved, mine or mentioning me', () => {
    expect(filterThreads(threads, 'open', 'me').map((t) => t.id)).toEqual(['a', 'c']);
    expect(filterThreads(threads, 'resolved', 'me').map((t) => t.id)).toEqual(['b']);
    expect(filterThreads(threads, 'mine', 'me').map((t) => t.id)).toEqual(['a']);
    expect(filterThreads(threads, 'mentions', 'me').map((t) => t.id)).toEqual(['b']);
  });

  it('counts a mention only while its @Name is still in the text', () => {
    const members = [
      { id: 'm1', name: 'Ana Alvarez' },
      { id: 'm2', name: '王波' },
    ];
    expect(mentionsIn('@王波 请看 @Ana Alvarez', members)).toEqual(['m1', 'm2']);
    expect(mentionsIn('@Ana please', members)).toEqual([]);
  });
});

describe('commentTimes', () => {
  it('shows the reader time, and the writer time when it differs', () => {
    const at = Date.UTC(2026, 10, 24, 1, 0);
    const { reader, writer } = commentTimes(at, 'Asia/Shanghai', 'America/Los_Angeles', 'en');
    expect(reader).toContain('5:00 PM');
    expect(writer).toContain('9:00 AM');
    expect(commentTimes(at, 'UTC', 'UTC', 'en').writer).toBeNull();
  });
});
