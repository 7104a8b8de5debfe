import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Side } from '@tandem/shared/people';
import type { School } from '@tandem/shared/peopleBodies';
import { api } from '../../platform/api';
import { languageLabel, timeZoneLabel } from '../../i18n/places';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SchoolFields } from './SchoolFields';
import { type SchoolProblems, sendSchools } from './schoolProblems';

interface Props {
  partnershipId: string;
  side: Side;
  school: School;
  canEdit: boolean;
  onSaved: () => Promise<void>;
}

/** One school's details; its own coordinators can edit them. */
export function SchoolCard({ partnershipId, side, school, canEdit, onSaved }: Props) {
  const { t, i18n } = useTranslation('people');
  const [draft, setDraft] = useState<School | null>(null);
  const [problems, setProblems] = useState<SchoolProblems>({});
  const form = useRef<HTMLFormElement>(null);
  const save = useCallback(async () => {
    if (!draft) return;
    await sendSchools(
      { school: { school: draft, path: '' } },
      (found) => setProblems(found.school),
      form.current,
      () => api('PATCH', `/api/partnerships/${partnershipId}/sides/${side}`, draft),
    );
    await onSaved();
    setDraft(null);
  }, [partnershipId, side, draft, onSaved]);
  const { onSubmit, error, isRunning } = useFormAction(save);

  if (draft) {
    return (
      <form className="card school" onSubmit={onSubmit} noValidate ref={form}>
        <h3>{t('school.side', { side })}</h3>
        <SchoolFields school={draft} onChange={setDraft} problems={problems} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={isRunning}>
          {t('school.save')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setDraft(null)}>
          {t('school.cancel')}
        </button>
      </form>
    );
  }
  return (
    <section className="card school">
      <h3 lang={school.language}>{school.name}</h3>
      <p>
        <bdi>{school.city}</bdi>, <bdi>{school.country}</bdi> ·{' '}
        <bdi>{timeZoneLabel(school.timeZone, i18n.language)}</bdi> ·{' '}
        <bdi>{languageLabel(school.language, i18n.language)}</bdi>
      </p>
      <p>{t('school.hours', school.schoolHours)}</p>
      {canEdit && (
        <button type="button" className="secondary" onClick={() => setDraft(school)}>
          {t('school.edit')}
        </button>
      )}
    </section>
  );
}
