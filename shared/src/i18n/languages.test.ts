import { describe, expect, it } from 'vitest';
import { directionOf, pickUiLanguage } from './index';

describe('pickUiLanguage', () => {
  it('maps browser Chinese tags to simplified Chinese', () => {
    expect(pickUiLanguage(['zh-CN', 'en'])).toBe('zh-Hans');
    expect(pickUiLanguage(['zh'])).toBe('zh-Hans');
  });
  it('falls back on the primary subtag, then English', () => {
    expect(pickUiLanguage(['fr-CA'])).toBe('fr');
    expect(pickUiLanguage(['de-DE', 'ja'])).toBe('en');
  });
});

describe('directionOf', () => {
  it('is right to left for Arabic and Hebrew only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('zh-Hans')).toBe('ltr');
  });
});
