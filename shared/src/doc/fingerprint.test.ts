import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fingerprint, normalise, plainText } from './fingerprint';

function paragraphs(...texts: string[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('f');
  fragment.insert(
    0,
    texts.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  return fragment;
}

describe('fingerprint', () => {
  it('ignores spacing and Unicode composition, but not words', () => {
    const composed = fingerprint('Les élèves  partagent\n');
    expect(fingerprint('Les e\u0301le\u0300ves partagent')).toBe(composed);
    expect(fingerprint('Les élèves partagent.')).not.toBe(composed);
    expect(composed).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is null for a version with no text, so an empty side reads as untranslated', () => {
    expect(fingerprint(' \n\t')).toBeNull();
  });

  it('reads one line per paragraph and ignores formatting', () => {
    const fragment = paragraphs('学生互访', 'Two weeks');
    const first = fragment.get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).format(0, 2, { bold: true });
    expect(plainText(fragment)).toBe('学生互访\nTwo weeks');
    expect(normalise(plainText(fragment))).toBe('学生互访 Two weeks');
  });
});
