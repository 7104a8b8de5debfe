import type * as Y from 'yjs';
import {
  addDays,
  type Item,
  itemsOn,
  type LegMeta,
  moveItem,
  readItems,
} from '@tandem/shared/doc/itinerary';

export const MOVES = ['earlier', 'later', 'dayBefore', 'dayAfter'] as const;
export type Move = (typeof MOVES)[number];

/** Whether a move can be made: not before the first item, not past the leg's last day. */
export function canMove(doc: Y.Doc, meta: LegMeta, item: Item, move: Move): boolean {
  const day = itemsOn(readItems(doc), item.date);
  const index = day.findIndex((i) => i.id === item.id);
  switch (move) {
    case 'earlier':
      return index > 0;
    case 'later':
      return index >= 0 && index < day.length - 1;
    case 'dayBefore':
      return item.date !== null && item.date > meta.startDate;
    case 'dayAfter':
      return item.date !== null && item.date < meta.endDate;
  }
}

/** Makes a move; returns the item's new day and place in it, to announce. */
export function makeMove(
  doc: Y.Doc,
  meta: LegMeta,
  item: Item,
  move: Move,
): { date: string | null; position: number; count: number } | null {
  if (!canMove(doc, meta, item, move)) return null;
  const day = itemsOn(readItems(doc), item.date);
  const index = day.findIndex((i) => i.id === item.id);
  if (move === 'earlier') moveItem(doc, item.id, item.date, day[index - 1]?.id ?? null);
  if (move === 'later') moveItem(doc, item.id, item.date, day[index + 2]?.id ?? null);
  if (move === 'dayBefore' || move === 'dayAfter') {
    const date = addDays(item.date ?? meta.startDate, move === 'dayBefore' ? -1 : 1);
    moveItem(doc, item.id, date, null);
  }
  const moved = readItems(doc).find((i) => i.id === item.id);
  const now = itemsOn(readItems(doc), moved?.date ?? null);
  return {
    date: moved?.date ?? null,
    position: now.findIndex((i) => i.id === item.id) + 1,
    count: now.length,
  };
}
