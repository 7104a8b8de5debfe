import { clauseStates } from '../doc/clauseStatus';
import { readItems, readMeta } from '../doc/itinerary';
import { SIDES } from '../people';
import { prompt, type Rule } from './prompt';

/**
 * R-drift and R-language-missing (P10): one version of a clause changed after both were last
 * confirmed, or a clause or itinerary item exists in one language only. Both block signing.
 */
export const languagesRule: Rule = ({ agreement, status, legs }) => {
  const prompts = [];
  if (agreement && status) {
    for (const clause of clauseStates(agreement, status)) {
      const target = { kind: 'clause', clauseId: clause.id } as const;
      const { status: s } = clause;
      if (s.kind === 'outdated')
        prompts.push(prompt('R-drift', target, { language: s.language }, 'blocking'));
      if (s.kind === 'both-changed') prompts.push(prompt('R-drift', target, {}, 'blocking'));
      if (s.kind === 'untranslated') {
        prompts.push(prompt('R-language-missing', target, { language: s.language }, 'blocking'));
      }
    }
  }
  for (const leg of SIDES) {
    const doc = legs[leg];
    const meta = doc && readMeta(doc);
    if (!doc || !meta || meta.languages.length < 2) continue;
    for (const item of readItems(doc)) {
      if (item.status === 'dropped') continue;
      const written = meta.languages.filter((lang) => (item.title[lang] ?? '').trim() !== '');
      const missing = meta.languages.find((lang) => !written.includes(lang));
      if (written.length > 0 && missing) {
        prompts.push(
          prompt(
            'R-language-missing',
            { kind: 'item', leg, itemId: item.id },
            { language: missing },
            'warning',
          ),
        );
      }
    }
  }
  return prompts;
};
