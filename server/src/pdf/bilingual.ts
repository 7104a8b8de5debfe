import type { Content, ContentBase } from 'pdfmake/interfaces';
import { directionOf } from '@tandem/shared/i18n/index';
import { pageText } from './bidi';

/** Each distinct wording once, with the first language that has it. */
export function inEachLanguage(
  languages: readonly string[],
  pick: (lang: string) => string,
): { lang: string; text: string }[] {
  const seen = new Set<string>();
  return languages.flatMap((lang) => {
    const text = pick(lang);
    if (text === '' || seen.has(text)) return [];
    seen.add(text);
    return [{ lang, text }];
  });
}

/**
 * A short label in each of a document's languages, joined with " / " (two schools sharing a
 * language, or a name that reads the same in both, appear once).
 */
export function joinedLabel(languages: readonly string[], pick: (lang: string) => string): string {
  return inEachLanguage(languages, pick)
    .map((entry) => entry.text)
    .join(' / ');
}

/** The name of a language, in another language ("Chinese" in English, "الصينية" in Arabic). */
export function languageName(language: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? language;
}

/** Text in each language as its own paragraph across the page, in that language's direction. */
export function paragraphsInEachLanguage(
  languages: readonly string[],
  pick: (lang: string) => string,
  extra: ContentBase = {},
): Content[] {
  return inEachLanguage(languages, pick).map((entry) =>
    pageText(entry.text, { direction: directionOf(entry.lang) }, extra),
  );
}
