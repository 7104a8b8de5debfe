import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSameData } from './useDocValue';

describe('isSameData', () => {
  it('compares plain data by content', () => {
    expect(isSameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(isSameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(isSameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(isSameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(isSameData([], {})).toBe(false);
    expect(isSameData(Number.NaN, Number.NaN)).toBe(true);
  });

  it('compares anything else by identity, so a live Yjs type is never taken as unchanged', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    expect(isSameData({ text }, { text })).toBe(true);
    expect(isSameData({ text }, { text: new Y.Doc().getText('t') })).toBe(false);
    expect(isSameData(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(false);
  });
});
