import type { School } from '@tandem/shared/peopleBodies';
import { MEETING_HOURS } from '@tandem/shared/reciprocity/meeting';
import { wallMinutes } from '@tandem/shared/time';

/** Where a meeting falls in one school's day (P12). */
export type MeetingTime = 'outside-day' | 'before-school' | 'school-hours' | 'after-school';

/**
 * A meeting at `minutes` past local midnight: outside 07:00–21:00 (the prompt's limits), or
 * before, during or after the school's hours. Both schools get the same words for the same case.
 */
export function meetingTimeOf(minutes: number, hours: School['schoolHours']): MeetingTime {
  if (minutes < MEETING_HOURS.from * 60 || minutes > MEETING_HOURS.to * 60) return 'outside-day';
  if (minutes < wallMinutes(hours.start)) return 'before-school';
  return minutes < wallMinutes(hours.end) ? 'school-hours' : 'after-school';
}
