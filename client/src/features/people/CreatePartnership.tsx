import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '@tandem/shared/peopleBodies';
import { api } from '../../platform/api';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SchoolFields } from './SchoolFields';
import { type SchoolProblems, sendSchools } from './schoolProblems';

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

  const form = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<{ A: SchoolProblems; B: SchoolProblems }>({
    A: {},
    B: {},
  });

  const create = useCallback(
    () =>
      sendSchools(
        { A: { school: sideA, path: 'sideA' }, B: { school: sideB, path: 'sideB' } },
        setProblems,
        form.current,
        async () => {
          const body = { sideA, sideB };
          const { id } = await api<{ id: string }>('POST', '/api/partnerships', body);
          await refresh();
          navigate(paths.partnership(id));
        },
      ),
    [sideA, sideB, refresh],
  );
  const { onSubmit, error, isRunning } = useFormAction(create);

  return (
    <form className="card" onSubmit={onSubmit} noValidate ref={form}>
      <h2>{t('create.title')}</h2>
      <p>{t('create.intro')}</p>
      <div className="two-columns">
        <fieldset>
          <legend>{t('create.sideA')}</legend>
          <SchoolFields school={sideA} onChange={setSideA} problems={problems.A} />
        </fieldset>
        <fieldset>
          <legend>{t('create.sideB')}</legend>
          <SchoolFields school={sideB} onChange={setSideB} problems={problems.B} />
        </fieldset>
      </div>
      <ErrorMessage error={error} />
      <button type="submit" disabled={isRunning}>
        {t('create.submit')}
      </button>
    </form>
  );
}
