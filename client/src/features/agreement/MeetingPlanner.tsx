import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDES, type Side } from '@tandem/shared/people';
import { MEETING_HOURS } from '@tandem/shared/reciprocity/meeting';
import { type MonthlySlot, meetingsAhead, wallClock, wallMinutes } from '@tandem/shared/time';
import { timeZoneLabel } from '../../i18n/places';
import { useAgreementScope } from './AgreementContext';
import { meetingTimeOf } from './meetingTime';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * P12: the next twelve monthly meetings in both schools' local times, across daylight-saving
 * changes, each noted as before, during or after that school's hours, or outside 07:00–21:00;
 * above them, each school's day as a 24-hour strip with a legend.
 */
export function MeetingPlanner({ slot }: { slot: MonthlySlot }) {
  const { t, i18n } = useTranslation('agreement');
  const { partnership } = useAgreementScope();
  const [now] = useState(() => Date.now());
  const meetings = meetingsAhead(slot, now, 12);
  const { sides } = partnership;
  const timeOf = (at: number, side: Side) => {
    const { hour, minute } = wallClock(at, sides[side].timeZone);
    return meetingTimeOf(hour * 60 + minute, sides[side].schoolHours);
  };
  const first = meetings[0] ?? now;

  return (
    <div className="meeting-planner">
      {SIDES.map((side) => (
        <DayStrip key={side} side={side} meetingAt={first} />
      ))}
      <ul className="strip-legend" aria-label={t('meeting.legendTitle')}>
        {(['school', 'day', 'night', 'meeting'] as const).map((key) => (
          <li key={key}>
            <span className={`swatch swatch-${key}`} aria-hidden="true" />
            {t(`meeting.key.${key}`, {
              from: hourText(MEETING_HOURS.from),
              to: hourText(MEETING_HOURS.to),
            })}
          </li>
        ))}
      </ul>
      <table className="answers meeting-times">
        <caption>{t('meeting.ahead')}</caption>
        <thead>
          <tr>
            {SIDES.map((side) => (
              <th key={side} scope="col">
                {t('meeting.localTime', {
                  school: sides[side].name,
                  zone: timeZoneLabel(sides[side].timeZone, i18n.language, new Date(first)),
                })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {meetings.map((at) => (
            <tr key={at}>
              {SIDES.map((side) => {
                const time = timeOf(at, side);
                return (
                  <td key={side} className={time}>
                    {new Intl.DateTimeFormat(i18n.language, {
                      weekday: 'long',
                      month: 'short',
                      day: 'numeric',
                      hour: '2-digit',
                      minute: '2-digit',
                      timeZone: sides[side].timeZone,
                    }).format(at)}{' '}
                    {time === 'outside-day' ? (
                      <strong>{t(`meeting.note.${time}`)}</strong>
                    ) : (
                      <span className="hint">{t(`meeting.note.${time}`)}</span>
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

/** One school's 24 hours: its school hours, the night, and the hour of the next meeting. */
function DayStrip({ side, meetingAt }: { side: Side; meetingAt: number }) {
  const { t } = useTranslation('agreement');
  const school = useAgreementScope().partnership.sides[side];
  const { hour } = wallClock(meetingAt, school.timeZone);
  const hours = school.schoolHours;
  const isSchool = (h: number) =>
    h * 60 >= wallMinutes(hours.start) && h * 60 < wallMinutes(hours.end);
  return (
    <div
      className="day-strip"
      role="img"
      aria-label={t('meeting.strip', {
        school: school.name,
        start: hours.start,
        end: hours.end,
        time: hourText(hour),
      })}
    >
      <span className="strip-label">
        <bdi>{school.name}</bdi>
      </span>
      {HOURS.map((h) => (
        <span
          key={h}
          className={[
            isSchool(h) ? 'school' : '',
            h === hour ? 'meeting' : '',
            h < MEETING_HOURS.from || h >= MEETING_HOURS.to ? 'night' : '',
          ].join(' ')}
        />
      ))}
    </div>
  );
}

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
