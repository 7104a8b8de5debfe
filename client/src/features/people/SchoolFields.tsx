import { useTranslation } from 'react-i18next';
import type { School } from '@tandem/shared/people';
import { Field } from '../../ui/Field';

/** The fields of one school; used to create a partnership and to edit a school's details. */
export function SchoolFields({
  school,
  onChange,
}: {
  school: School;
  onChange: (school: School) => void;
}) {
  const { t } = useTranslation('people');
  const set = (patch: Partial<School>) => onChange({ ...school, ...patch });
  return (
    <>
      <Field
        label={t('school.name')}
        value={school.name}
        onChange={(e) => set({ name: e.target.value })}
        required
      />
      <Field
        label={t('school.city')}
        value={school.city}
        onChange={(e) => set({ city: e.target.value })}
        required
      />
      <Field
        label={t('school.country')}
        value={school.country}
        onChange={(e) => set({ country: e.target.value })}
        required
      />
      <Field
        label={t('school.timeZone')}
        value={school.timeZone}
        onChange={(e) => set({ timeZone: e.target.value })}
        required
        list="time-zones"
      />
      <Field
        label={t('school.language')}
        value={school.language}
        onChange={(e) => set({ language: e.target.value })}
        required
        list="languages"
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
        required
      />
    </>
  );
}

/** Suggestions for the time zone and language fields (any IANA zone or BCP 47 tag is accepted). */
export function SchoolFieldLists() {
  return (
    <>
      <datalist id="time-zones">
        {Intl.supportedValuesOf('timeZone').map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id="languages">
        {['en', 'zh-Hans', 'es', 'fr', 'ar', 'de', 'ja', 'ko', 'pt', 'he'].map((lang) => (
          <option key={lang} value={lang} />
        ))}
      </datalist>
    </>
  );
}
