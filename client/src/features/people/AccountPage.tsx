import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { paths } from '../../platform/route';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { Field } from '../../ui/Field';
import { CurrentPassword } from './CurrentPassword';
import { useFormAction } from '../../ui/useAction';
import { useSession } from '../../platform/session';
import { DeviceSessions } from './DeviceSessions';
import { EmailAddress } from './EmailAddress';
import { LeaveTandem } from './LeaveTandem';

/**
 * The signed-in person's account: the address and its confirmation, the password, the
 * signed-in devices, and their data and leaving.
 */
export function AccountPage() {
  const { t } = useTranslation('people');
  const { account } = useSession();
  return (
    <div className="stack">
      <p>
        <a href={paths.home()}>{t('partnership.back')}</a>
      </p>
      <h1>{t('account.title')}</h1>
      {account && <EmailAddress account={account} />}
      <ChangePassword />
      <DeviceSessions />
      <LeaveTandem />
    </div>
  );
}

function ChangePassword() {
  const { t } = useTranslation('people');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [isChanged, setIsChanged] = useState(false);
  const change = useCallback(async () => {
    setIsChanged(false);
    await api('POST', '/api/me/password', { currentPassword, newPassword });
    setCurrent('');
    setNew('');
    setIsChanged(true);
  }, [currentPassword, newPassword]);
  const { onSubmit, error, isRunning } = useFormAction(change);
  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>{t('account.passwordTitle')}</h2>
      <CurrentPassword value={currentPassword} onChange={setCurrent} />
      <Field
        label={t('account.new')}
        hint={t('account.newHint', { count: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
      />
      <ErrorMessage error={error} />
      {isChanged && <p role="status">{t('account.changed')}</p>}
      <button type="submit" disabled={isRunning}>
        {t('account.change')}
      </button>
    </form>
  );
}
