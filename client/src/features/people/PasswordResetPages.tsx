import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { useIsEmailOn } from '../../platform/email';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { Field } from '../../ui/Field';
import { useFormAction } from '../../ui/useAction';

/**
 * "Forgot your password?": asks for the address and says the same whatever it is (a link goes
 * out only when an account has it). Without email on the server it says so instead.
 */
export function ResetRequestPage() {
  const { t } = useTranslation('people');
  const [email, setEmail] = useState('');
  const isEmailOn = useIsEmailOn();
  const [isSent, setSent] = useState(false);
  const submit = useCallback(async () => {
    await api('POST', '/api/password-resets', { email });
    setSent(true);
  }, [email]);
  const { onSubmit, error, isRunning } = useFormAction(submit);

  if (isEmailOn === false) {
    return (
      <section className="card auth">
        <h1>{t('reset.title')}</h1>
        <p role="alert">{t('errors:EMAIL_OFF')}</p>
        <a href={paths.home()}>{t('reset.back')}</a>
      </section>
    );
  }
  return (
    <form className="card auth" onSubmit={onSubmit}>
      <h1>{t('reset.title')}</h1>
      {isSent ? (
        <p role="status">{t('reset.sent', { email })}</p>
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <Field
            label={t('auth.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
            autoFocus
          />
          <ErrorMessage error={error} />
          <button type="submit" disabled={isRunning}>
            {t('reset.send')}
          </button>
        </>
      )}
      <a href={paths.home()}>{t('reset.back')}</a>
    </form>
  );
}

/** The page a reset link opens: a new password, then signed in (every other device out). */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation('people');
  const { refresh } = useSession();
  const [password, setPassword] = useState('');
  const submit = useCallback(async () => {
    await api('POST', `/api/password-resets/${token}`, { password });
    await refresh();
    navigate(paths.home());
  }, [token, password, refresh]);
  const { onSubmit, error, isRunning } = useFormAction(submit);
  return (
    <form className="card auth" onSubmit={onSubmit}>
      <h1>{t('reset.newTitle')}</h1>
      <p>{t('reset.newIntro')}</p>
      <Field
        label={t('reset.newPassword')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        hint={t('auth.passwordHint')}
        autoFocus
      />
      <ErrorMessage error={error} />
      <button type="submit" disabled={isRunning}>
        {t('reset.save')}
      </button>
      <a href={paths.resetRequest()}>{t('reset.again')}</a>
    </form>
  );
}
