import { describe, expect, it } from 'vitest';
import { nextMeeting, nthWeekday, wallClock, zonedInstant } from './time';

describe('zoned wall-clock times', () => {
  it('reads a wall-clock time in its zone, across daylight saving', () => {
    expect(
      new Date(
        zonedInstant({ year: 2026, month: 7, day: 1 }, '17:00', 'America/New_York'),
      ).toISOString(),
    ).toBe('2026-07-01T21:00:00.000Z');
    expect(
      new Date(
        zonedInstant({ year: 2026, month: 1, day: 15 }, '17:00', 'America/New_York'),
      ).toISOString(),
    ).toBe('2026-01-15T22:00:00.000Z');
    expect(
      new Date(
        zonedInstant({ year: 2026, month: 1, day: 15 }, '08:00', 'Asia/Shanghai'),
      ).toISOString(),
    ).toBe('2026-01-15T00:00:00.000Z');
  });

  it('finds the n-th and the last weekday of a month', () => {
    // November 2026 starts on a Sunday.
    expect(nthWeekday(2026, 11, 'first', 2)).toBe(3);
    expect(nthWeekday(2026, 11, 'first', 7)).toBe(1);
    expect(nthWeekday(2026, 11, 'last', 1)).toBe(30);
    expect(nthWeekday(2026, 11, 'fourth', 4)).toBe(26);
  });

  it("shows a monthly meeting in both schools' local times (P12)", () => {
    const slot = {
      week: 'first',
      weekday: 2,
      time: '19:00',
      timeZone: 'America/New_York',
    } as const;
    const next = nextMeeting(slot, Date.UTC(2026, 10, 24));
    expect(new Date(next).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(wallClock(next, 'Asia/Shanghai')).toEqual({ hour: 8, minute: 0 });
  });
});
