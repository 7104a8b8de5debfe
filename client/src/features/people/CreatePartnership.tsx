import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '@tandem/shared/people';
import { ApiError, api } from '../../platform/api';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SchoolFields } from './SchoolFields';
import {
  type SchoolProblems,
  focusFirstProblem,
  hasProblems,
  problemsFromServer,
  schoolProblems,
} from './schoolProblems';

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

  const create = useCallback(async () => {
    const found = { A: schoolProblems(sideA), B: schoolProblems(sideB) };
    setProblems(found);
    try {
      if (hasProblems(found.A) || hasProblems(found.B)) {
        throw new ApiError('BAD_REQUEST', 'Some fields are missing or wrong.');
      }
      const { id } = await api<{ id: string }>('POST', '/api/partnerships', { sideA, sideB });
      await refresh();
      navigate(paths.partnership(id));
    } catch (error) {
      if (error instanceof ApiError && error.details.fields) {
        setProblems({
          A: problemsFromServer(error, 'sideA'),
          B: problemsFromServer(error, 'sideB'),
        });
      }
      focusFirstProblem(form.current);
      throw error;
    }
  }, [sideA, sideB, refresh]);
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
