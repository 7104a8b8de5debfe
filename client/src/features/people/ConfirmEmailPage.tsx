import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';

/** Each link is sent once per page load, even when React mounts the page twice. */
const confirming = new Map<string, Promise<{ email: string }>>();

function confirmOnce(token: string): Promise<{ email: string }> {
  let answer = confirming.get(token);
  if (!answer) {
    answer = api<{ email: string }>('POST', `/api/email-confirmations/${token}`);
    confirming.set(token, answer);
  }
  return answer;
}

/**
 * The page a confirmation link opens: confirms the address at once (signed in or not) and says
 * which one; a used or old link says so and points to where a new one is sent from.
 */
export function ConfirmEmailPage({ token }: { token: string }) {
  const { t } = useTranslation('people');
  const { account, refresh } = useSession();
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isSignedIn = Boolean(account);

  useEffect(() => {
    let isCurrent = true;
    confirmOnce(token).then(
      async (confirmed) => {
        if (isSignedIn) await refresh().catch(() => undefined);
        if (isCurrent) setEmail(confirmed.email);
      },
      (caught: unknown) => {
        if (isCurrent) setError(caught);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [token, isSignedIn, refresh]);

  return (
    <section className="card auth">
      <h1>{t('confirmEmail.title')}</h1>
      {email === null && error === null && <p>{t('confirmEmail.checking')}</p>}
      {email !== null && (
        <p role="status">
          {t('confirmEmail.done', { email })} {t('confirmEmail.mailFollows')}
        </p>
      )}
      <ErrorMessage error={error} />
      <a href={isSignedIn ? paths.account() : paths.home()}>
        {t(isSignedIn ? 'confirmEmail.toAccount' : 'confirmEmail.toSignIn')}
      </a>
    </section>
  );
}
