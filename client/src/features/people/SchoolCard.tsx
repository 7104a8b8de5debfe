import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School, Side } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SchoolFieldLists, SchoolFields } from './SchoolFields';

interface Props {
  partnershipId: string;
  side: Side;
  school: School;
  canEdit: boolean;
  onSaved: () => Promise<void>;
}

/** One school's details; its own coordinators can edit them. */
export function SchoolCard({ partnershipId, side, school, canEdit, onSaved }: Props) {
  const { t } = useTranslation('people');
  const [draft, setDraft] = useState<School | null>(null);
  const save = useCallback(async () => {
    await api('PATCH', `/api/partnerships/${partnershipId}/sides/${side}`, draft);
    await onSaved();
    setDraft(null);
  }, [partnershipId, side, draft, onSaved]);
  const { onSubmit, error, isRunning } = useFormAction(save);

  if (draft) {
    return (
      <form className="card school" onSubmit={onSubmit}>
        <h3>{t('school.side', { side })}</h3>
        <SchoolFieldLists />
        <SchoolFields school={draft} onChange={setDraft} />
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
    <section className="card school" lang={school.language}>
      <h3>{school.name}</h3>
      <p>
        {school.city}, {school.country} · {school.timeZone} · {school.language}
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
