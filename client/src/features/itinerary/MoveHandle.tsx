import { type KeyboardEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '@tandem/shared/doc/itinerary';
import { useLegScope } from './LegContext';
import { type Move, makeMove } from './itemMoves';
import { useMoveAnnouncer } from './useMoveAnnouncer';

export const DRAG_TYPE = 'application/x-tandem-item';

const KEYS: Record<string, Move> = {
  ArrowUp: 'earlier',
  ArrowDown: 'later',
  PageUp: 'dayBefore',
  PageDown: 'dayAfter',
};

/**
 * The visible handle an item is dragged by (only the item grabbed moves), and its keyboard
 * equivalent: arrows move it within the day, Page Up and Page Down to the day before or
 * after. Focus stays on the handle and the new place is announced.
 */
export function MoveHandle({ item, title }: { item: Item; title: string }) {
  const { t } = useTranslation('itinerary');
  const { doc, meta } = useLegScope();
  const hintId = useId();
  const announceMove = useMoveAnnouncer();
  const onKeyDown = (event: KeyboardEvent) => {
    const move = KEYS[event.key];
    if (!move) return;
    event.preventDefault();
    const place = makeMove(doc, meta, item, move);
    if (place) announceMove(item.id, title, place);
  };
  return (
    <>
      <button
        type="button"
        className="move-handle"
        draggable
        aria-label={t('move.handle', { title })}
        aria-describedby={hintId}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, item.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onKeyDown={onKeyDown}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span id={hintId} hidden>
        {t('move.keys')}
      </span>
    </>
  );
}
