/**
 * Wall-clock times in IANA zones. People type and store wall-clock time plus a zone (shared/README.md);
 * instants are derived only to show a time in another zone or to export it.
 */

/** Minutes since midnight of a wall-clock `HH:MM`. */
export function wallMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A plain date `YYYY-MM-DD` as midnight UTC: for calendar arithmetic and for formatting a date
 * (with `timeZone: 'UTC'`) without any zone shifting it. */
export function plainDateUtc(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** A calendar date without a zone. */
export interface PlainDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Zones are a few hundred names at most; anything beyond is not worth keeping.
    if (formatters.size < 1_000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone. In a spring-forward gap the time is read with the
 * offset before the change (02:30 that does not exist becomes 03:30), as calendars do.
 */
export function zonedInstant(date: PlainDate, time: string, timeZone: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return Math.min(first, second);
}

/** The day of the month of the `week`-th (or last) `weekday` (1 = Monday … 7 = Sunday). */
export function nthWeekday(
  year: number,
  month: number,
  week: 'first' | 'second' | 'third' | 'fourth' | 'last',
  weekday: number,
): number {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (week === 'last') {
    const lastWeekday =
      ((new Date(Date.UTC(year, month - 1, daysInMonth)).getUTCDay() + 6) % 7) + 1;
    return daysInMonth - ((lastWeekday - weekday + 7) % 7);
  }
  const firstWeekday = ((new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7) + 1;
  const first = 1 + ((weekday - firstWeekday + 7) % 7);
  return first + 7 * ['first', 'second', 'third', 'fourth'].indexOf(week);
}

/** A monthly meeting slot (P12): e.g. the first Tuesday at 17:00 in America/New_York. */
export interface MonthlySlot {
  week: 'first' | 'second' | 'third' | 'fourth' | 'last';
  weekday: number;
  time: string;
  timeZone: string;
}

/** The next meeting at or after `now`, as an instant. */
export function nextMeeting(slot: MonthlySlot, now: number): number {
  const today = new Date(now);
  for (let ahead = 0; ; ahead++) {
    const month0 = today.getUTCMonth() + ahead;
    const year = today.getUTCFullYear() + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    const day = nthWeekday(year, month, slot.week, slot.weekday);
    const instant = zonedInstant({ year, month, day }, slot.time, slot.timeZone);
    if (instant >= now) return instant;
  }
}

/** The wall-clock hour and minute of an instant in a zone, e.g. for "is it within 07–21?". */
export function wallClock(instant: number, timeZone: string): { hour: number; minute: number } {
  const local = instant + offsetMs(instant, timeZone);
  const date = new Date(local);
  return { hour: date.getUTCHours(), minute: date.getUTCMinutes() };
}

/** An instant as the wall clock in a zone shows it, `YYYY-MM-DD HH:MM`. */
export function wallDateTime(instant: number, timeZone: string): string {
  return new Date(instant + offsetMs(instant, timeZone))
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** The next `count` meetings of a monthly slot, from `now` (follows daylight-saving changes). */
export function meetingsAhead(slot: MonthlySlot, now: number, count: number): number[] {
  const meetings: number[] = [];
  let from = now;
  while (meetings.length < count) {
    const next = nextMeeting(slot, from);
    meetings.push(next);
    from = next + 60_000;
  }
  return meetings;
}

/** "Los Angeles" from `America/Los_Angeles`: the city tzdata names the zone after. */
export function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}
