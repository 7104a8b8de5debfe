/**
 * Consistent spacing between Chinese and Latin text, whatever script a name filled in: a space
 * between a Han character and a Latin letter, none between two Han characters or next to
 * full-width punctuation ("以Lincoln High School协调人 的身份" and "以 牡丹江市第一高级中学 协调人"
 * both come out right). Digits are left as the catalogue wrote them (dates read "12月1日").
 * Markup tags of `<Trans>` strings are looked through.
 */
const HAN = '\\p{Script=Han}';
const LATIN = '\\p{Script=Latin}';
const PUNCT = '[\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]';
const TAGS = '(?:</?[\\w-]+>)*';

const SPACE_BETWEEN_HAN = new RegExp(
  `((?:${HAN}|${PUNCT})${TAGS}) +(?=${TAGS}(?:${HAN}|${PUNCT}))`,
  'gu',
);
const SPACE_BEFORE_PUNCT = new RegExp(` +(?=${TAGS}${PUNCT})`, 'gu');
const SPACE_AFTER_PUNCT = new RegExp(`(${PUNCT}${TAGS}) +`, 'gu');
const HAN_THEN_LATIN = new RegExp(`(${HAN})(${TAGS})(?=${LATIN})`, 'gu');
const LATIN_THEN_HAN = new RegExp(`(${LATIN})(${TAGS})(?=${HAN})`, 'gu');

export function spaceCjk(text: string): string {
  return text
    .replace(SPACE_BETWEEN_HAN, '$1')
    .replace(SPACE_BEFORE_PUNCT, '')
    .replace(SPACE_AFTER_PUNCT, '$1')
    .replace(HAN_THEN_LATIN, '$1$2 ')
    .replace(LATIN_THEN_HAN, '$1$2 ');
}

/** Whether a UI language gets {@link spaceCjk} (Chinese; Japanese would too). */
export const isSpacedCjk = (language: string): boolean => language.startsWith('zh');
