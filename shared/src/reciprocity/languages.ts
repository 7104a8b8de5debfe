import type * as Y from 'yjs';
import { languagesOf, listClauses } from '../doc/agreement';
import { LIST_KINDS } from '../doc/agreementSchema';
import { readList } from '../doc/answers';
import { clauseStates } from '../doc/clauseStatus';
import { readItems, readMeta } from '../doc/itinerary';
import { SIDES } from '../people';
import { itemParams, type Prompt, prompt, type Rule } from './prompt';

/**
 * R-drift and R-language-missing (P10): one version of a clause changed after both were last
 * confirmed, or a clause, a reciprocal-list item or an itinerary item exists in one language
 * only. Clauses block signing; items warn.
 */
export const languagesRule: Rule = ({ agreement, status, legs }) => {
  const prompts: Prompt[] = [];
  if (agreement && status) {
    for (const clause of clauseStates(agreement, status)) {
      const target = { kind: 'clause', clauseId: clause.id } as const;
      const { status: s } = clause;
      if (s.kind === 'outdated')
        prompts.push(prompt('R-drift', target, { language: s.language }, 'blocking'));
      if (s.kind === 'both-changed') prompts.push(prompt('R-drift', target, {}, 'blocking'));
      // Machine translation nobody checked is not a person's version (P10): still missing.
      if (s.kind === 'untranslated' || s.kind === 'machine') {
        prompts.push(prompt('R-language-missing', target, { language: s.language }, 'blocking'));
      }
    }
  }
  if (agreement) prompts.push(...listWordings(agreement));
  for (const leg of SIDES) {
    const doc = legs[leg];
    const meta = doc && readMeta(doc);
    if (!doc || !meta || meta.languages.length < 2) continue;
    for (const item of readItems(doc)) {
      if (item.status === 'dropped') continue;
      const missing = missingLanguage(item.title, meta.languages);
      if (missing) {
        prompts.push(
          prompt(
            'R-language-missing',
            { kind: 'item', leg, itemId: item.id },
            { ...itemParams(item), language: missing },
            'warning',
          ),
        );
      }
    }
  }
  return prompts;
};

/** Reciprocal-list items (P3) worded in one of the agreement's two languages only. */
function listWordings(agreement: Y.Doc): Prompt[] {
  const languages = languagesOf(agreement);
  if (languages.length < 2) return [];
  return listClauses(agreement)
    .filter((clause) => LIST_KINDS.includes(clause.kind))
    .flatMap((clause) =>
      SIDES.flatMap((side) =>
        readList(agreement, clause.id, side).flatMap((item) => {
          const missing = missingLanguage(item.text, languages);
          if (!missing) return [];
          const wording = Object.values(item.text).find((text) => text.trim() !== '') ?? '';
          return [
            prompt(
              'R-language-missing',
              { kind: 'clause', clauseId: clause.id },
              { language: missing, item: wording, context: 'listItem' },
              'warning',
              `list:${item.id}`,
            ),
          ];
        }),
      ),
    );
}

/** The first of `languages` a text lacks, when it has at least one of them. */
function missingLanguage(text: Record<string, string>, languages: readonly string[]) {
  const written = languages.filter((lang) => (text[lang] ?? '').trim() !== '');
  return written.length > 0 ? languages.find((lang) => !written.includes(lang)) : undefined;
}
