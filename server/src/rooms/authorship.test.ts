import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorshipRule } from '@tandem/shared/reciprocity/authorship';
import type { PromptInput } from '@tandem/shared/reciprocity/prompt';
import { write } from '../../../shared/test/reciprocity';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { MACHINE_MARK } from '@tandem/shared/doc/machineText';
import { countAuthorship } from './authorship';

const ENGLISH = [
  'Our two schools agree to exchange students and teachers every year, so that young people',
  'on both sides learn a new language, live with a host family and see daily life in another',
  'country. Each school hosts the same number of visitors it sends, plans half of the programme',
  'together with the partner school, and shares what it learns with its whole community.',
].join(' ');
const CHINESE =
  '我们两校同意每年互派学生和教师，使双方的青少年学习一门新的语言，住在寄宿家庭，' +
  '了解另一个国家的日常生活。每所学校接待的来访人数与派出的人数相同，与伙伴学校共同' +
  '规划一半的活动，并与整个社区分享所学。';

/** One member's edits: made on their own Y.Doc (their own clientID), merged into `into`. */
function writtenBy(into: Y.Doc, clientID: number, change: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(into));
  change(doc);
  Y.applyUpdate(into, Y.encodeStateAsUpdate(doc));
}

const input = (A: number, B: number) => ({ authorship: { A, B } }) as unknown as PromptInput;

describe('R-authorship across languages', () => {
  it('counts the same content in English by A and in Chinese by B as equal writing', () => {
    const doc = new Y.Doc();
    writtenBy(doc, 1, (d) => write(d, 'purpose', 'en', ENGLISH));
    writtenBy(doc, 2, (d) => write(d, 'purpose', 'zh-Hans', CHINESE));
    const owners = new Map([
      [1, 'ana'],
      [2, 'bo'],
    ]);
    const counts = countAuthorship(doc, owners);
    const a = counts.get('ana') ?? 0;
    const b = counts.get('bo') ?? 0;
    // Counted in characters, English would be about 75 % of the text.
    expect(ENGLISH.length / (ENGLISH.length + CHINESE.length)).toBeGreaterThan(0.75);
    expect(a / (a + b)).toBeLessThan(0.6);
    expect(a / (a + b)).toBeGreaterThan(0.4);
    expect(authorshipRule(input(a, b))).toEqual([]);
  });

  it('counts machine translation nobody confirmed as nobody’s, and as the school’s once it is confirmed', () => {
    const doc = new Y.Doc();
    writtenBy(doc, 1, (d) => write(d, 'purpose', 'en', ENGLISH));
    writtenBy(doc, 2, (d) => write(d, 'purpose', 'zh-Hans', CHINESE));
    const text = () => {
      const paragraph = getClauseText(doc, 'purpose', 'zh-Hans').get(0) as Y.XmlElement;
      return paragraph.get(0) as Y.XmlText;
    };
    writtenBy(doc, 2, (d) => {
      const paragraph = getClauseText(d, 'purpose', 'zh-Hans').get(0) as Y.XmlElement;
      const chinese = paragraph.get(0) as Y.XmlText;
      chinese.format(0, chinese.length, { [MACHINE_MARK]: { from: 'en' } });
    });
    const [first] = text().toDelta() as { attributes?: object }[];
    expect(first?.attributes).toHaveProperty(MACHINE_MARK);
    const owners = new Map([
      [1, 'ana'],
      [2, 'bo'],
    ]);
    expect(countAuthorship(doc, owners).get('bo') ?? 0).toBe(0);
    expect(countAuthorship(doc, owners).get('ana')).toBeGreaterThan(40);
    writtenBy(doc, 2, (d) => {
      const paragraph = getClauseText(d, 'purpose', 'zh-Hans').get(0) as Y.XmlElement;
      const chinese = paragraph.get(0) as Y.XmlText;
      chinese.format(0, chinese.length, { [MACHINE_MARK]: null });
    });
    expect(countAuthorship(doc, owners).get('bo')).toBeGreaterThan(40);
  });

  it('credits an accepted proposal to its proposer, not to whoever accepted it', () => {
    const doc = new Y.Doc();
    writtenBy(doc, 1, (d) => write(d, 'purpose', 'en', ENGLISH));
    const owners = new Map([
      [1, 'ana'],
      [2, 'bo'],
    ]);
    const before = countAuthorship(doc, owners).get('ana') ?? 0;
    const proposal = 'Each school pays the travel of its own students and teachers.';
    // Ana accepts Bo's proposal: the new paragraph is typed under Ana's clientID.
    writtenBy(doc, 1, (d) => write(d, 'purpose', 'en', proposal));
    const credits = [{ clauseId: 'purpose', lang: 'en', text: proposal, memberId: 'bo' }];
    const counts = countAuthorship(doc, owners, credits);
    expect(counts.get('bo')).toBe(11);
    expect(counts.get('ana') ?? 0).toBe(0);
    expect(before).toBeGreaterThan(50);
  });

  it('gives each word to whoever typed its first character, across interleaved edits', () => {
    const doc = new Y.Doc();
    writtenBy(doc, 1, (d) => write(d, 'purpose', 'en', 'one two three four'));
    writtenBy(doc, 2, (d) => {
      const text = d.getXmlFragment('c/purpose/en').get(0) as Y.XmlElement;
      const inner = text.get(0) as Y.XmlText;
      inner.delete(0, 4);
      inner.insert(0, 'five six ');
    });
    const counts = countAuthorship(
      doc,
      new Map([
        [1, 'ana'],
        [2, 'bo'],
      ]),
    );
    expect(Object.fromEntries(counts)).toEqual({ ana: 3, bo: 2 });
  });
});
