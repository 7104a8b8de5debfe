import { itemsOn, legDates, readItems, readMeta } from '../doc/itinerary';
import { SIDES } from '../people';
import { wallMinutes } from '../time';
import { prompt, type Rule } from './prompt';

/** More than this many scheduled hours in a day leaves no room to be a teenager (P20). */
const MAX_HOURS = 9;

/**
 * R-free-time (P20): a planned day with no free or host-family time, or more than nine
 * scheduled hours. Unplanned days are free days and never fire.
 */
export const freeTimeRule: Rule = ({ legs }) =>
  SIDES.flatMap((leg) => {
    const doc = legs[leg];
    const meta = doc && readMeta(doc);
    if (!doc || !meta) return [];
    const items = readItems(doc).filter((i) => i.status !== 'dropped');
    return legDates(meta).flatMap((date) => {
      const day = itemsOn(items, date);
      if (day.length === 0) return [];
      const hasFree = day.some((i) => i.kind === 'free-time' || i.kind === 'host-family');
      const scheduled = day
        .filter(
          (i) =>
            i.kind !== 'free-time' &&
            i.kind !== 'host-family' &&
            i.start &&
            i.end &&
            i.end > i.start,
        )
        .reduce(
          (sum, i) => sum + wallMinutes(i.end ?? '00:00') - wallMinutes(i.start ?? '00:00'),
          0,
        );
      const hours = Math.round(scheduled / 6) / 10;
      if (hasFree && hours <= MAX_HOURS) return [];
      return [
        prompt(
          'R-free-time',
          { kind: 'day', leg, date },
          {
            date,
            hours,
            hasFree: hasFree ? 1 : 0,
            // What to do: add free time, shorten the day, or both.
            context: hours <= MAX_HOURS ? 'noFree' : hasFree ? 'long' : 'longNoFree',
          },
        ),
      ];
    });
  });
