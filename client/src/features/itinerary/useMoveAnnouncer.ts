import { useTranslation } from 'react-i18next';
import { plainDateUtc } from '@tandem/shared/time';
import { useLegScope } from './LegContext';

/**
 * After a move, focus goes back to the moved item's handle (the row may have moved to another
 * day and been drawn anew) and screen readers hear where it is now.
 */
export function useMoveAnnouncer() {
  const { t, i18n } = useTranslation('itinerary');
  const { announce } = useLegScope();
  return (
    itemId: string,
    title: string,
    place: { date: string | null; position: number; count: number },
    focusHandle = true,
  ) => {
    const day = place.date
      ? new Intl.DateTimeFormat(i18n.language, {
          weekday: 'long',
          month: 'long',
          day: 'numeric',
          timeZone: 'UTC',
        }).format(plainDateUtc(place.date))
      : t('unscheduled');
    announce(t('move.done', { title, day, position: place.position, count: place.count }));
    if (focusHandle) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`#item-${CSS.escape(itemId)} .move-handle`)?.focus(),
      );
    }
  };
}
