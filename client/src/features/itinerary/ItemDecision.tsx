import { useTranslation } from 'react-i18next';
import { type Item, setItemField } from '@tandem/shared/doc/itinerary';
import { useLegScope } from './LegContext';

/**
 * A suggestion from the visiting side (P19): the host side accepts or declines it with one
 * button; everyone else sees what became of it.
 */
export function ItemDecision({ item }: { item: Item }) {
  const { t } = useTranslation('itinerary');
  const { doc, side, canEdit, partnership } = useLegScope();
  const isSuggestion = item.proposedBy !== side;
  if (!isSuggestion && item.status !== 'dropped') return null;
  const by = partnership.sides[item.proposedBy].name;
  if (canEdit && item.status === 'proposed') {
    return (
      <div className="decision" role="group" aria-label={t('suggestion.from', { school: by })}>
        <span className="badge badge-idle">{t('suggestion.from', { school: by })}</span>
        <button type="button" onClick={() => setItemField(doc, item.id, 'status', 'agreed')}>
          {t('suggestion.accept')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setItemField(doc, item.id, 'status', 'dropped')}
        >
          {t('suggestion.decline')}
        </button>
      </div>
    );
  }
  const host = partnership.sides[side].name;
  const key =
    item.status === 'proposed'
      ? 'suggestion.waiting'
      : item.status === 'agreed'
        ? 'suggestion.accepted'
        : 'suggestion.declined';
  return (
    <p className="decision hint">
      <span className={`badge ${item.status === 'dropped' ? 'badge-idle' : 'badge-ok'}`}>
        {t(key, { school: by, host })}
      </span>
      {canEdit && item.status === 'dropped' && (
        <button
          type="button"
          className="link"
          onClick={() => setItemField(doc, item.id, 'status', 'agreed')}
        >
          {t('suggestion.reconsider')}
        </button>
      )}
    </p>
  );
}
