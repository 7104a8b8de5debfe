import { describe, expect, it } from 'vitest';
import { countingApprovals, deriveStatus } from './drift';
import type { Alignment } from './status';

const LANGS = ['en', 'zh-Hans'];
const aligned: Alignment = {
  versions: { en: { hash: 'e1', text: 'Hello' }, 'zh-Hans': { hash: 'z1', text: '你好' } },
  by: 'm1',
  at: 1,
};

describe('deriveStatus (P10)', () => {
  it('tells empty, untranslated and never aligned apart', () => {
    expect(deriveStatus(LANGS, { en: null, 'zh-Hans': null }, undefined)).toEqual({
      kind: 'empty',
    });
    expect(deriveStatus(LANGS, { en: 'e1', 'zh-Hans': null }, undefined)).toEqual({
      kind: 'untranslated',
      language: 'zh-Hans',
    });
    expect(deriveStatus(LANGS, { en: 'e1', 'zh-Hans': 'z1' }, undefined)).toEqual({
      kind: 'never-aligned',
    });
  });

  it('names the version that may be outdated: the one that did not change', () => {
    expect(deriveStatus(LANGS, { en: 'e1', 'zh-Hans': 'z1' }, aligned)).toEqual({
      kind: 'aligned',
    });
    expect(deriveStatus(LANGS, { en: 'e2', 'zh-Hans': 'z1' }, aligned)).toEqual({
      kind: 'outdated',
      language: 'zh-Hans',
    });
    expect(deriveStatus(LANGS, { en: 'e1', 'zh-Hans': 'z2' }, aligned)).toEqual({
      kind: 'outdated',
      language: 'en',
    });
    expect(deriveStatus(LANGS, { en: 'e2', 'zh-Hans': 'z2' }, aligned)).toEqual({
      kind: 'both-changed',
    });
  });

  it('is untranslated again when a side deletes all its text after aligning', () => {
    expect(deriveStatus(LANGS, { en: 'e1', 'zh-Hans': null }, aligned)).toEqual({
      kind: 'untranslated',
      language: 'zh-Hans',
    });
  });
});

describe('countingApprovals', () => {
  it('stops counting an approval once a fingerprint changes', () => {
    const approvals = { A: { by: 'a', at: 1, hashes: { en: 'e1', 'zh-Hans': 'z1' } } };
    expect(countingApprovals(LANGS, { en: 'e1', 'zh-Hans': 'z1' }, approvals)).toEqual({
      A: true,
      B: false,
    });
    expect(countingApprovals(LANGS, { en: 'e1', 'zh-Hans': 'z9' }, approvals)).toEqual({
      A: false,
      B: false,
    });
  });
});
