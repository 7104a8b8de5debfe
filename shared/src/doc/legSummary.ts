import type { Side } from '../people';
import { wallMinutes } from '../time';
import { type Item, type LegMeta, legDates } from './itinerary';

/** A leg in numbers, to compare the two legs side by side (P17, R-legs). */
export interface LegSummary {
  days: number;
  groupEvents: number;
  /** Hours of free time and host-family time (timed items), and untimed such items. */
  freeHours: number;
  freeItems: number;
  proposedBy: Record<Side, number>;
  /** What families pay, per currency. */
  familyCost: Record<string, number>;
}

function hours(item: Item): number {
  if (!item.start || !item.end || item.end <= item.start) return 0;
  return (wallMinutes(item.end) - wallMinutes(item.start)) / 60;
}

/** Dropped items do not count; proposed ones do (they are part of the draft). */
export function legSummary(meta: LegMeta, items: Item[]): LegSummary {
  const live = items.filter((i) => i.status !== 'dropped');
  const free = live.filter((i) => i.kind === 'free-time' || i.kind === 'host-family');
  const familyCost: Record<string, number> = {};
  for (const { cost } of live) {
    if (!cost || (cost.paidBy !== 'host-family' && cost.paidBy !== 'guest-family')) continue;
    familyCost[cost.currency] = (familyCost[cost.currency] ?? 0) + cost.amount;
  }
  return {
    days: legDates(meta).length,
    groupEvents: live.filter((i) => i.kind === 'group-event').length,
    freeHours: free.reduce((sum, i) => sum + hours(i), 0),
    freeItems: free.length,
    proposedBy: {
      A: live.filter((i) => i.proposedBy === 'A').length,
      B: live.filter((i) => i.proposedBy === 'B').length,
    },
    familyCost,
  };
}
