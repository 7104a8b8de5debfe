import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { useIsEmailOn } from '../../platform/email';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useSession } from '../../platform/session';
import { Field } from '../../ui/Field';
import { CurrentPassword } from './CurrentPassword';
import { useAction, useFormAction } from '../../ui/useAction';

/**
 * The account's address: whether it is confirmed (mail goes only to confirmed addresses), a new
 * confirmation link, and a change of address (password needed; with email on, the change takes
 * effect when the new address confirms, and the old one is told).
 */
export function EmailAddress({ account }: { account: Account }) {
  const { t } = useTranslation('people');
  const isEmailOn = useIsEmailOn();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const resend = useAction(async () => {
    setSentTo(null);
    const answer = await api<{ sentTo: string }>('POST', '/api/me/email-confirmation');
    setSentTo(answer.sentTo);
  });
  return (
    <section className="card">
      <h2>{t('address.title')}</h2>
      <p>
        <bdi>{account.email}</bdi>{' '}
        {account.emailConfirmed ? (
          <span className="badge badge-ok">{t('address.confirmed')}</span>
        ) : (
          <span className="badge badge-warn">{t('address.unconfirmed')}</span>
        )}
      </p>
      {isEmailOn === false && <p className="hint">{t('address.emailOff')}</p>}
      {isEmailOn && !account.emailConfirmed && (
        <>
          <p>{t('address.unconfirmedHelp')}</p>
          <ErrorMessage error={resend.error} />
          {sentTo && <p role="status">{t('address.sent', { email: sentTo })}</p>}
          <button
            type="button"
            className="secondary"
            disabled={resend.isRunning}
            onClick={() => void resend.run()}
          >
            {t('address.resend')}
          </button>
        </>
      )}
      <ChangeAddress />
    </section>
  );
}

/** The new address and the password; says where the link went, or that the change applied. */
function ChangeAddress() {
  const { t } = useTranslation('people');
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const change = useCallback(async () => {
    setOutcome(null);
    const answer = await api<{ sentTo?: string }>('POST', '/api/me/email', { email, password });
    setPassword('');
    if (answer.sentTo) {
      setOutcome(t('address.linkSent', { email: answer.sentTo }));
    } else {
      await refresh();
      setOutcome(t('address.changed', { email }));
    }
    setEmail('');
  }, [email, password, refresh, t]);
  const { onSubmit, error, isRunning } = useFormAction(change);
  return (
    <form onSubmit={onSubmit}>
      <h3>{t('address.changeTitle')}</h3>
      <Field
        label={t('address.new')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <CurrentPassword value={password} onChange={setPassword} />
      <ErrorMessage error={error} />
      {outcome && <p role="status">{outcome}</p>}
      <button type="submit" disabled={isRunning}>
        {t('address.change')}
      </button>
    </form>
  );
}
