import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSession } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useSession } from '../../platform/session';
import { useAction } from '../../ui/useAction';

/**
 * The account's signed-in devices (browser and system, when they signed in), each of which can
 * be signed out here: a school computer left signed in ends from home.
 */
export function DeviceSessions() {
  const { t, i18n } = useTranslation('people');
  const { refresh } = useSession();
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
  const load = useCallback(
    () => api<DeviceSession[]>('GET', '/api/me/sessions').then(setSessions),
    [],
  );
  const loading = useAction(load);
  const end = useAction(async (session: DeviceSession) => {
    await api('DELETE', `/api/me/sessions/${session.id}`);
    if (session.isThis) await refresh();
    else await load();
  });
  useEffect(() => {
    void loading.run();
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card">
      <h2>{t('devices.title')}</h2>
      <ErrorMessage error={loading.error ?? end.error} />
      {sessions && (
        <ul className="device-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <span id={`device-${session.id}`}>
                {session.device || t('devices.unknown')}
                {' · '}
                {t('devices.since', { when: when.format(session.createdAt) })}
                {session.isThis && <strong> {t('devices.this')}</strong>}
              </span>{' '}
              <button
                type="button"
                className="secondary"
                aria-describedby={`device-${session.id}`}
                disabled={end.isRunning}
                onClick={() => void end.run(session)}
              >
                {t(session.isThis ? 'devices.signOutThis' : 'devices.signOut')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
