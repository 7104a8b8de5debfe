import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import type { InvitePreview } from '@tandem/shared/api';
import { setUiLanguage } from '../../i18n/i18n';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { AuthForm } from './AuthForm';

/** An invitation link: shown in the invited school's language; sign up or in, then join. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation('people');
  const { account, refresh } = useSession();
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    api<InvitePreview>('GET', `/api/invites/${token}`).then((found) => {
      setPreview(found);
      // A signed-in person keeps their own language; a newcomer sees the invitation's.
      if (account === null) setUiLanguage(found.language);
    }, setLoadError);
  }, [token, account]);

  const accept = useCallback(async () => {
    const joined = await api<{ partnershipId: string }>('POST', `/api/invites/${token}/accept`);
    await refresh();
    navigate(paths.partnership(joined.partnershipId));
  }, [token, refresh]);
  const { run, error, isRunning } = useAction(accept);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!preview) return <p>{t('loading')}</p>;
  return (
    <section className="card">
      <h2>{t('invitePage.title')}</h2>
      <p>
        {t('invitePage.body', {
          schoolA: preview.schools.A,
          schoolB: preview.schools.B,
          school: preview.schools[preview.side],
          role: t(`role.${preview.role}`),
        })}
      </p>
      {preview.state === 'expired' && <p role="alert">{t('invitePage.expired')}</p>}
      {preview.state === 'usedUp' && <p role="alert">{t('invitePage.usedUp')}</p>}
      {preview.state === 'revoked' && <p role="alert">{t('invitePage.revoked')}</p>}
      {preview.state === 'valid' &&
        (account ? (
          <>
            <ErrorMessage error={error} />
            <button type="button" onClick={() => void run()} disabled={isRunning}>
              {t('invitePage.accept')}
            </button>
          </>
        ) : (
          <>
            <p>{t('invitePage.signInFirst')}</p>
            <AuthForm startWith="create" />
          </>
        ))}
    </section>
  );
}
