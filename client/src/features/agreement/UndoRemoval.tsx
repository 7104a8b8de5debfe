import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClauseInfo, restoreClause } from '@tandem/shared/doc/agreement';
import { useAgreementScope } from './AgreementContext';
import { titleIn } from './titles';

/**
 * "Clause removed · Undo", until dismissed or the next removal. The removed clause's menu is
 * gone, so focus moves to Undo; undoing it moves focus to the restored clause's heading.
 */
export function UndoRemoval(props: {
  removed: { clause: ClauseInfo; index: number };
  onDone: () => void;
}) {
  const { t } = useTranslation('agreement');
  const { doc, columns } = useAgreementScope();
  const { clause, index } = props.removed;
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), [clause.id]);
  return (
    <div className="undo-bar no-print" role="status">
      <span>{t('remove.done', { title: titleIn(clause, columns) || t('untitled') })}</span>
      <button
        ref={undo}
        type="button"
        onClick={() => {
          restoreClause(doc, clause.id, index);
          props.onDone();
          requestAnimationFrame(() =>
            document.getElementById(`clause-title-${clause.id}`)?.focus(),
          );
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
