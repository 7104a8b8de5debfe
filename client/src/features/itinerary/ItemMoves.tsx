import { useTranslation } from 'react-i18next';
import { addDays, type Item, itemsOn, moveItem, readItems } from '@tandem/shared/doc/itinerary';
import { useLegScope } from './LegContext';

/** The keyboard way to reorder: earlier or later in the day, to the day before or after. */
export function ItemMoves({ item }: { item: Item }) {
  const { t } = useTranslation('itinerary');
  const { doc, meta } = useLegScope();
  const day = itemsOn(readItems(doc), item.date);
  const index = day.findIndex((i) => i.id === item.id);
  const toDay = (offset: number) => {
    if (!item.date) return;
    const date = addDays(item.date, offset);
    if (date < meta.startDate || date > meta.endDate) return;
    moveItem(doc, item.id, date, null);
  };
  return (
    <>
      <button
        type="button"
        className="link"
        disabled={index <= 0}
        onClick={() => moveItem(doc, item.id, item.date, day[index - 1]?.id ?? null)}
      >
        {t('move.earlier')}
      </button>
      <button
        type="button"
        className="link"
        disabled={index >= day.length - 1}
        onClick={() => moveItem(doc, item.id, item.date, day[index + 2]?.id ?? null)}
      >
        {t('move.later')}
      </button>
      <button
        type="button"
        className="link"
        disabled={!item.date || item.date <= meta.startDate}
        onClick={() => toDay(-1)}
      >
        {t('move.dayBefore')}
      </button>
      <button
        type="button"
        className="link"
        disabled={!item.date || item.date >= meta.endDate}
        onClick={() => toDay(1)}
      >
        {t('move.dayAfter')}
      </button>
    </>
  );
}
