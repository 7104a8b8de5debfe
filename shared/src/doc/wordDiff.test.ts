import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(
      wordDiff('Students visit for two weeks.', 'Students visit for three weeks.', 'en'),
    ).toEqual([
      { op: 'same', text: 'Students visit for ' },
      { op: 'removed', text: 'two' },
      { op: 'added', text: 'three' },
      { op: 'same', text: ' weeks.' },
    ]);
  });

  it('splits Chinese into words though it has no spaces', () => {
    const parts = wordDiff('学生互访两周', '学生互访三周', 'zh-Hans');
    expect(parts[0]).toEqual({ op: 'same', text: '学生互访' });
    expect(
      parts
        .filter((p) => p.op !== 'same')
        .map((p) => p.text)
        .join(''),
    ).not.toContain('学生');
  });

  it('shows everything added when there was nothing before', () => {
    expect(wordDiff('', 'New text', 'en')).toEqual([{ op: 'added', text: 'New text' }]);
  });
});
