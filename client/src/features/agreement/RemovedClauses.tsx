import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  agreementTypes,
  listClauses,
  removedClauses,
  restoreClause,
} from '@tandem/shared/doc/agreement';
import { useAgreementScope } from './AgreementContext';
import { titleIn } from './titles';
import { useDocValue } from '../../collab/useDocValue';

/** Removed clauses keep their texts; any editor can put one back, at the end. */
export function RemovedClauses() {
  const { t } = useTranslation('agreement');
  const { doc, columns } = useAgreementScope();
  const types = useMemo(() => agreementTypes(doc), [doc]);
  const removed = useDocValue(types, () => removedClauses(doc));
  if (removed.length === 0) return null;
  return (
    <details className="removed no-print">
      <summary>{t('remove.list', { count: removed.length })}</summary>
      <ul>
        {removed.map((clause) => (
          <li key={clause.id}>
            {titleIn(clause, columns) || t('untitled')}{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => restoreClause(doc, clause.id, listClauses(doc).length)}
            >
              {t('remove.restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
