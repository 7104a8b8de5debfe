import { useTranslation } from 'react-i18next';
import { type ClauseInfo, moveClause, removeClause } from '@tandem/shared/doc/agreement';
import { ActionMenu } from '../../ui/ActionMenu';
import { useAgreementScope } from './AgreementContext';

interface Props {
  clause: ClauseInfo;
  index: number;
  count: number;
  /** The clause's number, naming the menu for screen readers. */
  number: number;
  onRemoved: (clause: ClauseInfo, index: number) => void;
}

/**
 * A clause's operations in one menu: move up or down (the keyboard way to reorder; focus stays
 * on the moved clause's menu button), or remove (with undo).
 */
export function ClauseMoves({ clause, index, count, number, onRemoved }: Props) {
  const { t } = useTranslation('agreement');
  const { doc } = useAgreementScope();
  return (
    <div className="clause-moves no-print">
      <ActionMenu
        text={t('clauseMenu.open')}
        label={t('clauseMenu.label', { number })}
        actions={[
          {
            id: 'up',
            label: t('move.up'),
            isDisabled: index === 0,
            onAction: () => moveClause(doc, clause.id, index - 1),
          },
          {
            id: 'down',
            label: t('move.down'),
            isDisabled: index === count - 1,
            onAction: () => moveClause(doc, clause.id, index + 1),
          },
          {
            id: 'remove',
            label: t('remove.action'),
            isDanger: true,
            onAction: () => onRemoved(clause, removeClause(doc, clause.id)),
          },
        ]}
      />
    </div>
  );
}
