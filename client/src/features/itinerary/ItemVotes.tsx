import { useTranslation } from 'react-i18next';
import { type Item, type Vote, VOTES } from '@tandem/shared/doc/itinerary';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { useLegScope } from './LegContext';

/** Yes / no / maybe from both sides (P19); the server records each person's own vote only. */
export function ItemVotes({ item }: { item: Item }) {
  const { t } = useTranslation('itinerary');
  const { side, partnership, canGiveFeedback } = useLegScope();
  const mine = item.votes[partnership.you.memberId];
  const vote = useAction((choice: Vote) =>
    api('POST', `/api/partnerships/${partnership.id}/itineraries/${side}/items/${item.id}/vote`, {
      vote: choice === mine ? null : choice,
    }).then(() => undefined),
  );
  const counts = VOTES.map((v) => ({
    v,
    n: Object.values(item.votes).filter((x) => x === v).length,
  }));
  return (
    <div className="votes" role="group" aria-label={t('votes.label')}>
      {counts.map(({ v, n }) => (
        <button
          key={v}
          type="button"
          className={mine === v ? '' : 'secondary'}
          aria-pressed={mine === v}
          disabled={!canGiveFeedback || vote.isRunning}
          onClick={() => void vote.run(v)}
        >
          {t(`votes.${v}`, { count: n })}
        </button>
      ))}
      <ErrorMessage error={vote.error} />
    </div>
  );
}
