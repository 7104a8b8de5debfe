import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDES } from '@tandem/shared/people';
import { MEETING_HOURS } from '@tandem/shared/reciprocity/meeting';
import { type MonthlySlot, meetingsAhead, wallClock, wallMinutes } from '@tandem/shared/time';
import { useAgreementScope } from './AgreementContext';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * P12: the next twelve monthly meetings in both schools' local times, across daylight-saving
 * changes; school hours shaded, times outside 07:00–21:00 flagged.
 */
export function MeetingPlanner({ slot }: { slot: MonthlySlot }) {
  const { t, i18n } = useTranslation('agreement');
  const { partnership } = useAgreementScope();
  const [now] = useState(() => Date.now());
  const meetings = meetingsAhead(slot, now, 12);
  const { sides } = partnership;
  const classOf = (at: number, side: 'A' | 'B') => {
    const { hour, minute } = wallClock(at, sides[side].timeZone);
    const minutes = hour * 60 + minute;
    const hours = sides[side].schoolHours;
    if (minutes < MEETING_HOURS.from * 60 || minutes > MEETING_HOURS.to * 60) return 'outside-day';
    return minutes >= wallMinutes(hours.start) && minutes < wallMinutes(hours.end)
      ? 'school-hours'
      : '';
  };
  const first = meetings[0] ?? now;

  return (
    <div className="meeting-planner">
      {SIDES.map((side) => {
        const { hour } = wallClock(first, sides[side].timeZone);
        const hours = sides[side].schoolHours;
        return (
          <div
            key={side}
            className="day-strip"
            role="img"
            aria-label={t('meeting.strip', {
              school: sides[side].name,
              start: hours.start,
              end: hours.end,
            })}
          >
            <span className="strip-label">{sides[side].name}</span>
            {HOURS.map((h) => (
              <span
                key={h}
                className={[
                  h * 60 >= wallMinutes(hours.start) && h * 60 < wallMinutes(hours.end)
                    ? 'school'
                    : '',
                  h === hour ? 'meeting' : '',
                  h < MEETING_HOURS.from || h >= MEETING_HOURS.to ? 'night' : '',
                ].join(' ')}
              />
            ))}
          </div>
        );
      })}
      <table className="answers meeting-times">
        <caption>{t('meeting.ahead')}</caption>
        <thead>
          <tr>
            {SIDES.map((side) => (
              <th key={side} scope="col">
                {t('meeting.localTime', { school: sides[side].name, zone: sides[side].timeZone })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {meetings.map((at) => (
            <tr key={at}>
              {SIDES.map((side) => {
                const cls = classOf(at, side);
                return (
                  <td key={side} className={cls}>
                    {new Intl.DateTimeFormat(i18n.language, {
                      weekday: 'long',
                      month: 'short',
                      day: 'numeric',
                      hour: '2-digit',
                      minute: '2-digit',
                      timeZone: sides[side].timeZone,
                    }).format(at)}
                    {cls === 'outside-day' && <strong>{t('meeting.outside')}</strong>}
                    {cls === 'school-hours' && (
                      <span className="hint">{t('meeting.inSchool')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
