/**
 * Text in each of a document's languages, joined with " / ", each distinct wording once (two
 * schools sharing a language, or a name that reads the same in both, appear once).
 */
export function inEachLanguage(
  languages: readonly string[],
  pick: (lang: string) => string,
): string {
  return [...new Set(languages.map(pick).filter(Boolean))].join(' / ');
}
