import { MEETING_WEEKS, type MeetingWeek } from '../doc/agreementSchema';
import { meetingSlot } from '../doc/answers';
import { SIDES } from '../people';
import { type MonthlySlot, meetingsAhead, wallClock } from '../time';
import { prompt, type Rule } from './prompt';

/** A reasonable meeting for everyone falls within 07:00–21:00 local time (P12). */
export const MEETING_HOURS = { from: 7, to: 21 } as const;

function slotOf(
  value: Map<string, unknown> | { get(key: string): unknown } | undefined,
): MonthlySlot | null {
  const week = value?.get('week');
  const weekday = value?.get('weekday');
  const time = value?.get('time');
  const timeZone = value?.get('timeZone');
  if (!(MEETING_WEEKS as readonly unknown[]).includes(week)) return null;
  if (typeof weekday !== 'number' || typeof time !== 'string' || typeof timeZone !== 'string')
    return null;
  return { week: week as MeetingWeek, weekday, time, timeZone };
}

/** The agreement's monthly meeting slot, when it is complete. */
export function readMeetingSlot(doc: Parameters<typeof meetingSlot>[0]): MonthlySlot | null {
  return slotOf(meetingSlot(doc));
}

/**
 * R-meeting (P12): in the coming twelve months, the monthly meeting falls outside 07:00–21:00
 * local time for a side (daylight-saving changes can push a good slot out of hours).
 */
export const meetingRule: Rule = ({ agreement, sides, now }) => {
  const slot = agreement && readMeetingSlot(agreement);
  if (!slot) return [];
  const meetings = meetingsAhead(slot, now, 12);
  return SIDES.flatMap((side) => {
    const outside = meetings.filter((at) => {
      const { hour, minute } = wallClock(at, sides[side].timeZone);
      const minutes = hour * 60 + minute;
      return minutes < MEETING_HOURS.from * 60 || minutes > MEETING_HOURS.to * 60;
    });
    if (outside.length === 0) return [];
    return [
      prompt(
        'R-meeting',
        { kind: 'clause', clauseId: 'roles-communication' },
        { side, count: outside.length },
        'warning',
        side,
      ),
    ];
  });
};
