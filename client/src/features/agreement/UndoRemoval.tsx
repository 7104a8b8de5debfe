import { useTranslation } from 'react-i18next';
import { type ClauseInfo, restoreClause } from '@tandem/shared/doc/agreement';
import { useAgreementScope } from './AgreementContext';
import { titleIn } from './titles';

/** "Clause removed · Undo", until dismissed or the next removal. */
export function UndoRemoval(props: {
  removed: { clause: ClauseInfo; index: number };
  onDone: () => void;
}) {
  const { t } = useTranslation('agreement');
  const { doc, columns } = useAgreementScope();
  const { clause, index } = props.removed;
  return (
    <div className="undo-bar no-print" role="status">
      <span>{t('remove.done', { title: titleIn(clause, columns) || t('untitled') })}</span>
      <button
        type="button"
        onClick={() => {
          restoreClause(doc, clause.id, index);
          props.onDone();
        }}
      >
        {t('remove.undo')}
      </button>
      <button type="button" className="secondary" onClick={props.onDone}>
        {t('remove.dismiss')}
      </button>
    </div>
  );
}
