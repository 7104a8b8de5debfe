import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { SchoolPair } from '../../ui/SchoolPair';
import { useConfirm } from '../../ui/ConfirmDialog';
import { CurrentPassword } from './CurrentPassword';
import { useFormAction } from '../../ui/useAction';

/**
 * One's data and leaving: a download of everything kept about the person, and deleting the
 * account (password, then a confirmation). A school's last coordinator is shown the
 * partnerships where someone else must be made coordinator first.
 */
export function LeaveTandem() {
  const { t } = useTranslation('people');
  return (
    <section className="card">
      <h2>{t('leave.title')}</h2>
      <p>{t('leave.dataIntro')}</p>
      <p>
        <a href={paths.myData()} download>
          {t('leave.download')}
        </a>
      </p>
      <DeleteAccount />
    </section>
  );
}

function DeleteAccount() {
  const { t } = useTranslation('people');
  const { memberships, accountDeleted } = useSession();
  const { confirm, dialog } = useConfirm();
  const [password, setPassword] = useState('');
  const remove = useCallback(async () => {
    const isSure = await confirm({
      message: t('leave.confirm'),
      confirm: t('leave.delete'),
      isDanger: true,
    });
    if (!isSure) return;
    await api('DELETE', '/api/me', { password });
    await accountDeleted();
    navigate(paths.home());
  }, [confirm, password, accountDeleted, t]);
  const { onSubmit, error, isRunning } = useFormAction(remove);
  const blocking =
    error instanceof ApiError && error.code === 'LAST_COORDINATOR'
      ? memberships.filter((m) => error.details.partnerships?.includes(m.partnershipId))
      : [];
  return (
    <form onSubmit={onSubmit}>
      {dialog}
      <h3>{t('leave.deleteTitle')}</h3>
      <p>{t('leave.deleteIntro')}</p>
      <CurrentPassword value={password} onChange={setPassword} />
      <ErrorMessage error={error} />
      {blocking.length > 0 && (
        <>
          <p>{t('leave.handOver', { count: blocking.length })}</p>
          <ul className="plain-list">
            {blocking.map((m) => (
              <li key={m.partnershipId}>
                <a href={paths.partnership(m.partnershipId)}>
                  <SchoolPair schoolA={m.schools.A} schoolB={m.schools.B} />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="submit" className="danger" disabled={isRunning}>
        {t('leave.delete')}
      </button>
    </form>
  );
}
