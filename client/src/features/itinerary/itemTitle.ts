/** An item's title as one reader reads it: their language first, the other beneath. */
export interface ReadTitle {
  text: string;
  lang: string;
  /** True when the reader's languages have no title yet: the text is in another language. */
  isFallback: boolean;
  other: { text: string; lang: string } | null;
}

/**
 * The title in the first of `preferred` languages that has one (the reader's UI language, then
 * their school's), else in any language, marked as a fallback; the other wording beneath.
 */
export function readTitle(title: Record<string, string>, preferred: readonly string[]): ReadTitle {
  const written = Object.entries(title).filter(([, text]) => text.trim() !== '');
  const matches = (lang: string, wanted: string) =>
    lang === wanted || lang.startsWith(`${wanted}-`) || wanted.startsWith(`${lang}-`);
  const own = preferred
    .map((wanted) => written.find(([lang]) => matches(lang, wanted)))
    .find((entry) => entry !== undefined);
  const main = own ?? written[0];
  if (!main) return { text: '', lang: preferred[0] ?? '', isFallback: false, other: null };
  const other = written.find(([lang]) => lang !== main[0]);
  return {
    text: main[1],
    lang: main[0],
    isFallback: own === undefined,
    other: other ? { text: other[1], lang: other[0] } : null,
  };
}
