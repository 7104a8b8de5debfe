import { useTranslation } from 'react-i18next';
import type { AgreementText } from '@tandem/shared/doc/snapshot';
import { wordDiff } from '@tandem/shared/doc/wordDiff';
import { directionOf } from '@tandem/shared/i18n/index';
import { languageName } from '../../i18n/languageName';
import { DiffText } from '../../ui/DiffText';
import { titleIn } from './titles';

/**
 * One version's text, clause by clause in both languages; with `base`, the word diff from
 * `base` to it (clauses added or removed between them show as wholly added or removed).
 */
export function VersionText({ text, base }: { text: AgreementText; base: AgreementText | null }) {
  const { t, i18n } = useTranslation('agreement');
  const ids = [
    ...new Set([...(base?.clauses ?? []).map((c) => c.id), ...text.clauses.map((c) => c.id)]),
  ];
  const languages = [...new Set([...text.languages, ...(base?.languages ?? [])])];
  return (
    <div className="version-text">
      {ids.map((id) => {
        const now = text.clauses.find((c) => c.id === id);
        const before = base?.clauses.find((c) => c.id === id);
        const clause = now ?? before;
        if (!clause) return null;
        return (
          <section key={id}>
            <h3>{titleIn(clause, languages) || t('untitled')}</h3>
            <div className="columns" data-columns={languages.length}>
              {languages.map((lang) => {
                const after = now?.text[lang] ?? '';
                const parts = base
                  ? wordDiff(before?.text[lang] ?? '', after, lang)
                  : [{ op: 'same' as const, text: after }];
                return (
                  <div key={lang} className="column">
                    <h4>{languageName(lang, i18n.language)}</h4>
                    <DiffText parts={parts} lang={lang} dir={directionOf(lang)} />
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
