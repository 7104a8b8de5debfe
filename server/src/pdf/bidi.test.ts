import { describe, expect, it } from 'vitest';
import { hasRightToLeft, paragraph, visualLines, visualRuns } from './bidi';

const WIDE = { width: 500, fontSize: 10 };
const visual = (text: string, style = WIDE) =>
  visualLines(text, style).lines.map((runs) => runs.map((run) => run.text).join(''));

describe('right-to-left text for the PDFs', () => {
  it('puts an Arabic sentence in visual order, each word handed over in logical order', () => {
    const { lines, rtl } = visualLines('مدرستنا تستضيف الطلاب', WIDE);
    expect(rtl).toBe(true);
    expect(lines[0]?.map((run) => run.text)).toEqual(['الطلاب', ' ', 'تستضيف', ' ', 'مدرستنا']);
    expect(lines[0]?.map((run) => run.font)).toEqual([
      'NotoArabic',
      'Noto',
      'NotoArabic',
      'Noto',
      'NotoArabic',
    ]);
  });

  it('keeps numbers and Latin names left to right inside Arabic, and mirrors brackets', () => {
    expect(visual('نستضيف 12 طالباً من Lincoln High (أسبوعان)')).toEqual([
      '(أسبوعان) Lincoln High من طالباً 12 نستضيف',
    ]);
  });

  it('puts Arabic inside a left-to-right label after the Latin, in the Arabic font', () => {
    const runs = visualLines('Signatures / التوقيعات', WIDE).lines[0];
    expect(runs).toEqual([
      { text: 'Signatures / ', font: 'Noto' },
      { text: 'التوقيعات', font: 'NotoArabic' },
    ]);
  });

  it('breaks lines in logical order: the first words go on the first line, at the right', () => {
    const words = Array.from({ length: 40 }, (_, i) => `كلمة${i}`);
    const lines = visual(words.join(' '), { width: 120, fontSize: 10 });
    expect(lines.length).toBeGreaterThan(3);
    // A number stays left of the Arabic word it follows; runs are joined as handed over.
    expect(lines[0]?.endsWith('0كلمة')).toBe(true);
    expect(lines.at(-1)?.startsWith('39كلمة')).toBe(true);
    expect(lines.join(' ').match(/كلمة/g)).toHaveLength(40);
  });

  it('cuts a word wider than the whole line rather than letting it run off the page', () => {
    const long = 'أ'.repeat(200);
    expect(visual(`${long} ب`, { width: 100, fontSize: 10 }).length).toBeGreaterThan(2);
  });

  it('hands text without right-to-left characters to pdfmake untouched', () => {
    expect(hasRightToLeft('我们两校 Lincoln')).toBe(false);
    expect(paragraph('我们两校', WIDE)).toMatchObject({ text: '我们两校', fontSize: 10 });
  });

  it('splits at line breaks and keeps an empty line', () => {
    const content = paragraph('أ\n\nب', WIDE) as { stack: { text: unknown }[] };
    // Arabic runs are spaced tighter: Noto Sans Arabic is half as tall again as Noto Sans SC.
    const arabic = (text: string) => [
      { text, font: 'NotoArabic', lineHeight: expect.closeTo(0.86, 1) as number },
    ];
    expect(content.stack.map((line) => line.text)).toEqual([arabic('أ'), ' ', arabic('ب')]);
  });

  it('re-reverses only runs that fontkit will reverse', () => {
    expect(visualRuns('abc')).toEqual([{ text: 'abc', font: 'Noto' }]);
    expect(visualRuns('بأ')).toEqual([{ text: 'أب', font: 'NotoArabic' }]);
    expect(visualRuns('،')).toEqual([{ text: '،', font: 'NotoArabic' }]);
  });
});
