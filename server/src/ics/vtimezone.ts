import { offsetMs } from '@tandem/shared/time';

const DAY = 86_400_000;
const MINUTE = 60_000;

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / MINUTE;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** Local wall time of an instant at a given offset, as iCalendar's `YYYYMMDDTHHMMSS`. */
function localStamp(instant: number, offset: number): string {
  return new Date(instant + offset).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * A VTIMEZONE block for `timeZone` with every offset change between `from` and `to` (epoch
 * ms), found from the platform's zone data, so calendars place wall-clock times right even
 * where daylight saving starts or ends during the leg.
 */
export function vtimezone(timeZone: string, from: number, to: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const component = (instant: number, before: number, after: number, isDaylight: boolean) => {
    const kind = isDaylight ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(instant, before)}`,
      `TZOFFSETFROM:${formatOffset(before)}`,
      `TZOFFSETTO:${formatOffset(after)}`,
      `END:${kind}`,
    );
  };
  let offset = offsetMs(from, timeZone);
  component(from, offset, offset, false);
  for (let day = from; day < to; day += DAY) {
    const next = offsetMs(day + DAY, timeZone);
    if (next === offset) continue;
    // Narrow the change down to the minute.
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetMs(middle, timeZone) === offset) low = middle;
      else high = middle;
    }
    component(high, offset, next, next > offset);
    offset = next;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
