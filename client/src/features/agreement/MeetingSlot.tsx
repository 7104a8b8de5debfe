import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_WEEKS } from '@tandem/shared/doc/agreementSchema';
import { meetingSlot, readMeetingSlot, setMeetingField } from '@tandem/shared/doc/answers';
import { timeZoneLabel } from '../../i18n/places';
import { useAgreementScope } from './AgreementContext';
import { MeetingPlanner } from './MeetingPlanner';
import { useDocValue } from '../../collab/useDocValue';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function weekdayName(weekday: number, uiLanguage: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(uiLanguage, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
}

/** P12: a consistent monthly meeting time, shown in both schools' local time. */
export function MeetingSlot() {
  const { t, i18n } = useTranslation('agreement');
  const { doc, partnership, permission } = useAgreementScope();
  const map = useMemo(() => meetingSlot(doc), [doc]);
  const types = useMemo(() => (map ? [map] : []), [map]);
  const slot = useDocValue(types, () => readMeetingSlot(doc));
  const isEditor = permission === 'edit';
  const zones = [...new Set([partnership.sides.A.timeZone, partnership.sides.B.timeZone])];
  const timeZone = slot.timeZone ?? partnership.sides.A.timeZone;
  const set = (field: 'week' | 'weekday' | 'time' | 'timeZone', value: string | number) =>
    setMeetingField(doc, field, value, timeZone);
  const complete =
    slot.week && slot.weekday && slot.time
      ? { week: slot.week, weekday: slot.weekday, time: slot.time, timeZone }
      : null;

  return (
    <fieldset className="meeting">
      <legend>{t('meeting.legend')}</legend>
      <select
        aria-label={t('meeting.week')}
        value={slot.week ?? ''}
        disabled={!isEditor}
        onChange={(e) => set('week', e.target.value)}
      >
        <option value="">{t('meeting.choose')}</option>
        {MEETING_WEEKS.map((week) => (
          <option key={week} value={week}>
            {t(`meeting.weeks.${week}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('meeting.weekday')}
        value={slot.weekday ?? ''}
        disabled={!isEditor}
        onChange={(e) => set('weekday', Number(e.target.value))}
      >
        <option value="">{t('meeting.choose')}</option>
        {WEEKDAYS.map((day) => (
          <option key={day} value={day}>
            {weekdayName(day, i18n.language)}
          </option>
        ))}
      </select>
      <input
        type="time"
        aria-label={t('meeting.time')}
        value={slot.time ?? ''}
        readOnly={!isEditor}
        onChange={(e) => set('time', e.target.value)}
      />
      <select
        aria-label={t('meeting.timeZone')}
        value={timeZone}
        disabled={!isEditor}
        onChange={(e) => set('timeZone', e.target.value)}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {timeZoneLabel(zone, i18n.language)}
          </option>
        ))}
      </select>
      {complete && <MeetingPlanner slot={complete} />}
    </fieldset>
  );
}
