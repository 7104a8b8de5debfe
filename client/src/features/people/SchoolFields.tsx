import { useTranslation } from 'react-i18next';
import type { School } from '@tandem/shared/peopleBodies';
import { Field } from '../../ui/Field';
import { LanguagePicker, TimeZonePicker } from '../../ui/pickers/index';
import type { SchoolProblems } from './schoolProblems';

/** The fields of one school; used to create a partnership and to edit a school's details. */
export function SchoolFields({
  school,
  onChange,
  problems = {},
}: {
  school: School;
  onChange: (school: School) => void;
  problems?: SchoolProblems;
}) {
  const { t } = useTranslation('people');
  const set = (patch: Partial<School>) => onChange({ ...school, ...patch });
  const error = (field: keyof SchoolProblems) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  return (
    <>
      <Field
        label={t('school.name')}
        value={school.name}
        onChange={(e) => set({ name: e.target.value })}
        error={error('name')}
        required
      />
      <Field
        label={t('school.city')}
        value={school.city}
        onChange={(e) => set({ city: e.target.value })}
        error={error('city')}
        required
      />
      <Field
        label={t('school.country')}
        value={school.country}
        onChange={(e) => set({ country: e.target.value })}
        error={error('country')}
        required
      />
      <TimeZonePicker
        label={t('school.timeZone')}
        hint={t('school.timeZoneHint')}
        value={school.timeZone}
        onChange={(timeZone) => set({ timeZone })}
        error={error('timeZone')}
        isRequired
      />
      <LanguagePicker
        label={t('school.language')}
        hint={t('school.languageHint')}
        value={school.language}
        onChange={(language) => set({ language })}
        error={error('language')}
        isRequired
      />
      <Field
        label={t('school.hoursStart')}
        type="time"
        value={school.schoolHours.start}
        onChange={(e) => set({ schoolHours: { ...school.schoolHours, start: e.target.value } })}
        required
      />
      <Field
        label={t('school.hoursEnd')}
        type="time"
        value={school.schoolHours.end}
        onChange={(e) => set({ schoolHours: { ...school.schoolHours, end: e.target.value } })}
        error={error('hoursEnd')}
        required
      />
    </>
  );
}
