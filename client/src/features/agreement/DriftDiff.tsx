import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { alignmentOf, statusTypes } from '@tandem/shared/doc/status';
import { wordDiff } from '@tandem/shared/doc/wordDiff';
import { directionOf } from '@tandem/shared/i18n/index';
import { languageName } from '../../i18n/languageName';
import { useAgreementScope } from './AgreementContext';
import { DiffText } from '../../ui/DiffText';
import { useDocValue } from '../../collab/useDocValue';

/** What changed in each changed version since the clause was last marked aligned. */
export function DriftDiff({ clauseId }: { clauseId: string }) {
  const { t, i18n } = useTranslation('agreement');
  const { doc, status, columns } = useAgreementScope();
  const types = useMemo(
    () => [...columns.map((lang) => getClauseText(doc, clauseId, lang)), ...statusTypes(status)],
    [doc, status, clauseId, columns],
  );
  const changes = useDocValue(types, () => {
    const alignment = alignmentOf(status, clauseId);
    return columns.flatMap((lang) => {
      const before = alignment?.versions[lang]?.text ?? '';
      const now = plainText(getClauseText(doc, clauseId, lang));
      return before === now ? [] : [{ lang, parts: wordDiff(before, now, lang) }];
    });
  });
  return (
    <details className="diff">
      <summary>{t('diff.show')}</summary>
      {changes.map(({ lang, parts }) => (
        <div key={lang}>
          <h4>{t('diff.heading', { language: languageName(lang, i18n.language) })}</h4>
          <DiffText parts={parts} lang={lang} dir={directionOf(lang)} />
        </div>
      ))}
    </details>
  );
}
