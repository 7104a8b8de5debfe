import { addDays, forExport, type Item, type LegMeta } from '@tandem/shared/doc/itinerary';
import { requireExportable } from './exportable';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { plainDateUtc } from '@tandem/shared/time';
import { vtimezone } from './vtimezone';

/** Who a calendar is for: the visiting students and families, or the adults in charge. */
export type Audience = 'guests' | 'chaperones';

export interface LegCalendarInput {
  partnershipId: string;
  meta: LegMeta;
  items: Item[];
  audience: Audience;
  /** Display names of members, for chaperones. */
  names: ReadonlyMap<string, string>;
  calendarName: string;
  now: number;
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break
 * (CRLF, LF or a bare CR) as `\n`, and other control characters dropped, so no value can
 * start a line of its own.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

// eslint-disable-next-line no-control-regex -- the point is to match control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** Item ids go into UIDs: readItems has checked dates and times, not ids. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The leg's IANA zone, checked: it goes into parameter values, which cannot be escaped. */
function checkedZone(zone: string): string {
  let isKnown = ZONE.test(zone);
  try {
    if (isKnown) new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    isKnown = false;
  }
  if (!isKnown) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      "The itinerary's time zone is not a valid IANA zone: choose one in the itinerary settings.",
    );
  }
  return zone;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `2027-07-02` + `09:00` → `20270702T090000`: wall-clock text, never through a Date. */
function wallStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function isFor(item: Item, audience: Audience): boolean {
  if (item.status !== 'agreed' || item.date === null) return false;
  if (audience === 'guests') return true;
  return item.kind === 'group-event' || item.kind === 'travel' || item.chaperones.length > 0;
}

function summaryOf(item: Item, languages: string[]): string {
  const titles = languages.map((lang) => item.title[lang]?.trim()).filter(Boolean);
  return [...new Set(titles)].join(' / ');
}

/**
 * The iCalendar file of one leg for one audience: agreed items with wall-clock times in the
 * leg's zone (`TZID` plus a VTIMEZONE), stable UIDs so importing it again updates the events.
 */
export function legCalendar(input: LegCalendarInput): string {
  const { meta, items, audience, names, now } = input;
  requireExportable(meta);
  const zone = checkedZone(meta.timeZone);
  // A day of margin on each side covers any zone's offset from UTC.
  const from = plainDateUtc(addDays(meta.startDate, -2));
  const to = plainDateUtc(addDays(meta.endDate, 3));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Itinerary//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    `X-WR-TIMEZONE:${zone}`,
    ...vtimezone(zone, from, to),
  ];
  for (const item of items.map(forExport)) {
    if (!isFor(item, audience) || item.date === null || !ID.test(item.id)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.id}@${input.partnershipId}.tandem`,
      `DTSTAMP:${utcStamp(now)}`,
    );
    if (item.start) {
      lines.push(`DTSTART;TZID=${zone}:${wallStamp(item.date, item.start)}`);
      if (item.end && item.end > item.start)
        lines.push(`DTEND;TZID=${zone}:${wallStamp(item.date, item.end)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${item.date.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${addDays(item.date, 1).replace(/-/g, '')}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(summaryOf(item, meta.languages))}`);
    if (item.place) lines.push(`LOCATION:${escapeText(item.place)}`);
    const description = [
      ...meta.languages.map((lang) => item.notes[lang]?.trim()).filter(Boolean),
      item.learningGoal,
      audience === 'chaperones' && item.chaperones.length > 0
        ? item.chaperones
            .map((id) => names.get(id) ?? '')
            .filter(Boolean)
            .join(', ')
        : '',
    ].filter(Boolean);
    if (description.length > 0) lines.push(`DESCRIPTION:${escapeText(description.join('\n'))}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
