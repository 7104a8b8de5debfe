import { describe, expect, it } from 'vitest';
import { readTitle } from './itemTitle';

describe('an item title as a reader reads it', () => {
  it('puts the reader’s language first and the other beneath', () => {
    expect(readTitle({ en: 'Baseball', 'zh-Hans': '棒球' }, ['zh-Hans', 'zh-Hans'])).toEqual({
      text: '棒球',
      lang: 'zh-Hans',
      isFallback: false,
      other: { text: 'Baseball', lang: 'en' },
    });
    expect(readTitle({ en: 'Baseball', 'zh-Hans': '棒球' }, ['en-US', 'en']).text).toBe('Baseball');
  });
  it('falls back to the other language, marked, when the reader’s is missing', () => {
    expect(readTitle({ en: '', 'zh-Hans': '春节包饺子' }, ['en', 'en'])).toEqual({
      text: '春节包饺子',
      lang: 'zh-Hans',
      isFallback: true,
      other: null,
    });
  });
});
