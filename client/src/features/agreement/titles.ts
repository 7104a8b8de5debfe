import type { ClauseInfo } from '@tandem/shared/doc/agreement';

/** A clause's title in the first of `languages` that has one (people may name it in one only). */
export function titleIn(clause: Pick<ClauseInfo, 'title'>, languages: readonly string[]): string {
  for (const lang of languages) if (clause.title[lang]) return clause.title[lang];
  return Object.values(clause.title).find(Boolean) ?? '';
}
