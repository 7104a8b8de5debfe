import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenInvite, PartnershipView } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';

/**
 * The invitations of the coordinator's school that can still be used, each with a button to
 * revoke it. `version` changes when a new invitation was made, to list it at once.
 */
export function OpenInvites({
  partnership,
  version,
}: {
  partnership: PartnershipView;
  version: number;
}) {
  const { t, i18n } = useTranslation('people');
  const [invites, setInvites] = useState<OpenInvite[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const load = useCallback(
    () =>
      api<OpenInvite[]>('GET', `/api/partnerships/${partnership.id}/invites`).then(
        (found) => {
          setInvites(found);
          setLoadError(null);
        },
        (caught: unknown) => setLoadError(caught),
      ),
    [partnership.id],
  );
  useEffect(() => {
    void load();
  }, [load, version]);
  const revoke = useCallback(
    async (invite: OpenInvite) => {
      await api('DELETE', `/api/partnerships/${partnership.id}/invites/${invite.id}`);
      await load();
    },
    [partnership.id, load],
  );
  const { run, error, isRunning } = useAction(revoke);
  const until = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  return (
    <section className="card" aria-labelledby="open-invites-title">
      <h2 id="open-invites-title">{t('openInvites.title')}</h2>
      <ErrorMessage error={loadError ?? error} />
      {invites?.length === 0 && <p className="hint">{t('openInvites.none')}</p>}
      <ul className="plain-list">
        {invites?.map((invite) => (
          <li key={invite.id} className="open-invite">
            <span>
              {t('openInvites.item', {
                role: t(`role.${invite.role}`),
                school: partnership.sides[invite.side].name,
                by: invite.createdBy,
                until: until(invite.expiresAt),
              })}{' '}
              {t('openInvites.uses', { count: invite.maxUses - invite.uses })}
              {invite.email && <> {t('openInvites.sentTo', { email: invite.email })}</>}
            </span>{' '}
            <button type="button" disabled={isRunning} onClick={() => void run(invite)}>
              {t('openInvites.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
