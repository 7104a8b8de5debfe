import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLanguage } from '@tandem/shared/i18n/index';
import { MIN_PASSWORD_LENGTH } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { Field } from '../../ui/Field';
import { useFormAction } from '../../ui/useAction';

/** Sign in, or create an account (in the language the page is shown in). */
export function AuthForm({ startWith = 'signIn' }: { startWith?: 'signIn' | 'create' }) {
  const { t, i18n } = useTranslation('people');
  const { refresh, isAccountDeleted } = useSession();
  const [mode, setMode] = useState(startWith);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const isCreating = mode === 'create';

  const submit = useCallback(async () => {
    if (isCreating) {
      const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await api('POST', '/api/accounts', { email, password, name, language, timeZone });
    } else {
      await api('POST', '/api/sessions', { email, password });
    }
    await refresh();
  }, [isCreating, email, password, name, i18n.language, refresh]);
  const { onSubmit, error, isRunning } = useFormAction(submit);

  return (
    <form className="card auth" onSubmit={onSubmit}>
      {isAccountDeleted && <p role="status">{t('leave.deleted')}</p>}
      <p>{t('common:tagline')}</p>
      <h1>{t(isCreating ? 'auth.createAccountTitle' : 'auth.signInTitle')}</h1>
      {isCreating && (
        <Field
          label={t('auth.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          autoComplete="name"
        />
      )}
      <Field
        label={t('auth.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
        autoComplete="email"
      />
      <Field
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
        minLength={isCreating ? MIN_PASSWORD_LENGTH : undefined}
        autoComplete={isCreating ? 'new-password' : 'current-password'}
        hint={isCreating ? t('auth.passwordHint') : undefined}
      />
      <ErrorMessage error={error} />
      <button type="submit" disabled={isRunning}>
        {t(isCreating ? 'auth.createAccount' : 'auth.signIn')}
      </button>
      {!isCreating && <a href={paths.resetRequest()}>{t('auth.forgot')}</a>}
      <button
        type="button"
        className="link"
        onClick={() => setMode(isCreating ? 'signIn' : 'create')}
      >
        {t(isCreating ? 'auth.toSignIn' : 'auth.toCreate')}
      </button>
    </form>
  );
}
