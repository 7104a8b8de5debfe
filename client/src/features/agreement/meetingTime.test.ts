import { describe, expect, it } from 'vitest';
import { meetingTimeOf } from './meetingTime';

const hours = { start: '08:00', end: '16:00' };
const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('where a meeting falls in a school day', () => {
  it('tells school hours from before and after them, and from the night', () => {
    expect(meetingTimeOf(at('07:30'), hours)).toBe('before-school');
    expect(meetingTimeOf(at('08:00'), hours)).toBe('school-hours');
    expect(meetingTimeOf(at('15:59'), hours)).toBe('school-hours');
    // 17:00 in Gig Harbor, school ends at 16:00: after school, not unremarked.
    expect(meetingTimeOf(at('16:00'), hours)).toBe('after-school');
    expect(meetingTimeOf(at('17:00'), hours)).toBe('after-school');
    expect(meetingTimeOf(at('21:00'), hours)).toBe('after-school');
    expect(meetingTimeOf(at('21:30'), hours)).toBe('outside-day');
    expect(meetingTimeOf(at('06:59'), hours)).toBe('outside-day');
  });
});
