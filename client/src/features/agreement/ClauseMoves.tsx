import { useTranslation } from 'react-i18next';
import { type ClauseInfo, moveClause, removeClause } from '@tandem/shared/doc/agreement';
import { useAgreementScope } from './AgreementContext';

interface Props {
  clause: ClauseInfo;
  index: number;
  count: number;
  onRemoved: (clause: ClauseInfo, index: number) => void;
}

/** Move a clause up or down (the keyboard way to reorder), or remove it (with undo). */
export function ClauseMoves({ clause, index, count, onRemoved }: Props) {
  const { t } = useTranslation('agreement');
  const { doc } = useAgreementScope();
  return (
    <div className="clause-moves no-print">
      <button
        type="button"
        className="secondary"
        disabled={index === 0}
        onClick={() => moveClause(doc, clause.id, index - 1)}
      >
        {t('move.up')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={index === count - 1}
        onClick={() => moveClause(doc, clause.id, index + 1)}
      >
        {t('move.down')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => onRemoved(clause, removeClause(doc, clause.id))}
      >
        {t('remove.action')}
      </button>
    </div>
  );
}
