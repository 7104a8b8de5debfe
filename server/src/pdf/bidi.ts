import bidiFactory from 'bidi-js';
import type { Content, ContentBase } from 'pdfmake/interfaces';
import { type Family, lineHeightEm, textWidth } from './fonts';

/**
 * Right-to-left text for pdfmake. pdfmake places the words of a line from left to right and
 * only shapes each word (fontkit reverses the glyphs of a word in Arabic script), so Arabic
 * sentences would read backwards and mixed-script text would use one font. Here a paragraph
 * is broken into lines first, each line is put in visual order by the Unicode bidirectional
 * algorithm, and each run of the line gets the font that has its glyphs.
 */

const bidi = bidiFactory();

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_FONT =
  /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/u;
const STRONG_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** One break opportunity per token: a word with its trailing spaces, or one CJK character. */
const TOKENS =
  /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]\s*|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]+\s*/gu;
/** Points kept free on each line, so pdfmake never wraps a line this module has broken. */
const SLACK = 1;

export interface Run {
  text: string;
  font: Family;
}

export interface ParagraphStyle {
  /** The width the text may fill, in points; Infinity keeps each paragraph on one line. */
  width: number;
  fontSize: number;
  bold?: boolean;
  /** The paragraph direction; `auto` takes it from the first strong character. */
  direction?: 'ltr' | 'rtl' | 'auto';
  alignment?: 'left' | 'right' | 'center';
}

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** Whether fontkit lays this run out right to left (it does when its first script is). */
function shapedRightToLeft(run: string): boolean {
  const first = STRONG_SCRIPT.exec(run)?.[0];
  return first !== undefined && RTL_SCRIPT.test(first);
}

/**
 * A line already in visual order, cut into runs of one font each. A run fontkit will reverse
 * is handed over in logical order, so that reversing it puts it back in visual order, shaped.
 */
export function visualRuns(visual: string): Run[] {
  const runs: Run[] = [];
  for (const char of visual) {
    const font: Family = ARABIC_FONT.test(char) ? 'NotoArabic' : 'Noto';
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs.map((run) =>
    shapedRightToLeft(run.text) ? { ...run, text: [...run.text].reverse().join('') } : run,
  );
}

function measure(text: string, style: ParagraphStyle): number {
  return visualRuns(text).reduce(
    (sum, run) => sum + textWidth(run.text, run.font, style.bold ?? false, style.fontSize),
    0,
  );
}

interface Token {
  text: string;
  /** With its trailing spaces, and without them (a line may end in spaces). */
  width: number;
  inkWidth: number;
}

function token(text: string, style: ParagraphStyle): Token {
  return { text, width: measure(text, style), inkWidth: measure(text.trimEnd(), style) };
}

/** Break opportunities, measured once, with any token wider than a line cut into characters. */
function tokens(text: string, style: ParagraphStyle): Token[] {
  return (text.match(TOKENS) ?? []).flatMap((part) => {
    const whole = token(part, style);
    if (whole.inkWidth <= style.width - SLACK) return [whole];
    return Array.from(new Intl.Segmenter().segment(part), (s) => token(s.segment, style));
  });
}

/** The [start, end) of each line of one paragraph, filled greedily. */
function lineRanges(text: string, style: ParagraphStyle): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let at = 0;
  let width = 0;
  for (const { text: part, width: full, inkWidth } of tokens(text, style)) {
    if (width > 0 && width + inkWidth > style.width - SLACK) {
      ranges.push([start, at]);
      start = at;
      width = 0;
    }
    width += full;
    at += part.length;
  }
  ranges.push([start, text.length]);
  return ranges;
}

/** Each line of a paragraph, in visual order, and whether the paragraph runs right to left. */
export function visualLines(text: string, style: ParagraphStyle): { lines: Run[][]; rtl: boolean } {
  const levels = bidi.getEmbeddingLevels(text, style.direction ?? 'auto');
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  const lines = lineRanges(text, style).map(([start, end]) => {
    const line = text.slice(start, end).trimEnd();
    return line === ''
      ? []
      : visualRuns(
          bidi
            .getReorderedString(text, levels, start, start + line.length - 1)
            .slice(start, start + line.length),
        );
  });
  return { lines, rtl };
}

/** Line spacing for an Arabic run: Noto Sans Arabic is much taller than Noto Sans SC. */
const ARABIC_LINE = 1.25 * (lineHeightEm('Noto') / lineHeightEm('NotoArabic'));

/** A run as pdfmake text, Arabic spaced like the rest (1.25 lines of Noto Sans SC). */
function spaced(run: Run): Run & { lineHeight?: number } {
  return run.font === 'NotoArabic' ? { ...run, lineHeight: ARABIC_LINE } : run;
}

/**
 * A paragraph (or several, split at line breaks) as pdfmake content. Text without
 * right-to-left characters is left to pdfmake, which breaks Latin and Chinese well.
 */
export function paragraph(text: string, style: ParagraphStyle, extra: ContentBase = {}): Content {
  const base = { ...extra, fontSize: style.fontSize, bold: style.bold ?? false };
  if (!hasRightToLeft(text)) return { ...base, alignment: style.alignment, text };
  return {
    ...base,
    stack: text.split(/\r?\n/).flatMap((part) => {
      const { lines, rtl } = visualLines(part, style);
      const alignment = style.alignment ?? (rtl ? 'right' : 'left');
      return lines.map((runs) => ({
        alignment,
        noWrap: true,
        text: runs.length === 0 ? ' ' : runs.map(spaced),
      }));
    }),
  };
}

/** A4 less 40-point margins on either side: the width text fills in Tandem's PDFs. */
export const PAGE_TEXT_WIDTH = 595.28 - 2 * 40;

/** A paragraph across the page, 10 pt unless told otherwise. */
export function pageText(
  value: string,
  style: Partial<ParagraphStyle> = {},
  extra: ContentBase = {},
): Content {
  return paragraph(value, { width: PAGE_TEXT_WIDTH, fontSize: 10, ...style }, extra);
}
