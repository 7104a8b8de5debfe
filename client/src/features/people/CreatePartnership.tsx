import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SchoolFieldLists, SchoolFields } from './SchoolFields';

const blankSchool = (timeZone: string, language: string): School => ({
  name: '',
  city: '',
  country: '',
  timeZone,
  language,
  schoolHours: { start: '08:00', end: '16:00' },
});

/** Both schools' details; the creator becomes side A's coordinator. */
export function CreatePartnership() {
  const { t, i18n } = useTranslation('people');
  const { refresh } = useSession();
  const [sideA, setSideA] = useState(() =>
    blankSchool(Intl.DateTimeFormat().resolvedOptions().timeZone, i18n.language),
  );
  const [sideB, setSideB] = useState(() => blankSchool('', ''));

  const create = useCallback(async () => {
    const { id } = await api<{ id: string }>('POST', '/api/partnerships', { sideA, sideB });
    await refresh();
    navigate(paths.partnership(id));
  }, [sideA, sideB, refresh]);
  const { onSubmit, error, isRunning } = useFormAction(create);

  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>{t('create.title')}</h2>
      <p>{t('create.intro')}</p>
      <SchoolFieldLists />
      <div className="two-columns">
        <fieldset>
          <legend>{t('create.sideA')}</legend>
          <SchoolFields school={sideA} onChange={setSideA} />
        </fieldset>
        <fieldset>
          <legend>{t('create.sideB')}</legend>
          <SchoolFields school={sideB} onChange={setSideB} />
        </fieldset>
      </div>
      <ErrorMessage error={error} />
      <button type="submit" disabled={isRunning}>
        {t('create.submit')}
      </button>
    </form>
  );
}
