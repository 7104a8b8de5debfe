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

/** One day of a leg, for laying the two legs out day against day (P17). */
export interface DaySummary {
  date: string;
  groupEvents: Item[];
  freeHours: number;
  freeItems: number;
  familyCost: Record<string, number>;
}

/** Each day of a leg in order, dropped items left out. */
export function daySummaries(meta: LegMeta, items: Item[]): DaySummary[] {
  return legDates(meta).map((date) => {
    const day = items.filter((i) => i.date === date && i.status !== 'dropped');
    const summary = legSummary({ ...meta, startDate: date, endDate: date }, day);
    const byTime = (a: Item, b: Item) => (a.start ?? '99').localeCompare(b.start ?? '99');
    return {
      date,
      groupEvents: day.filter((i) => i.kind === 'group-event').sort(byTime),
      freeHours: summary.freeHours,
      freeItems: summary.freeItems,
      familyCost: summary.familyCost,
    };
  });
}
