import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker that keeps Tandem usable offline (client/sw/sw.ts) and, when
 * a new version has been downloaded, asks before reloading: nobody loses their place in the
 * middle of a sentence. "Later" leaves the running version until the next visit.
 */
/**
 * Asks the waiting worker to take over and reloads once it does. Besides workbox-window's own
 * message, the waiting worker is told directly and the page reloads on `controllerchange`, or
 * after 5 s at the latest: a message sent while the worker was still settling is not lost.
 */
function reloadIntoNewVersion(update: (reload: boolean) => Promise<void>): void {
  void update(true);
  const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  workers?.addEventListener('controllerchange', () => location.reload(), { once: true });
  void workers
    ?.getRegistration()
    .then((registration) => registration?.waiting?.postMessage({ type: 'SKIP_WAITING' }));
  setTimeout(() => location.reload(), 5_000);
}

export function UpdatePrompt() {
  const { t } = useTranslation('common');
  const {
    needRefresh: [isUpdateReady],
    updateServiceWorker,
  } = useRegisterSW();
  // "Later" holds for this page: the worker may report the same waiting version again.
  const [isDeferred, setIsDeferred] = useState(false);
  if (!isUpdateReady || isDeferred) return null;
  return (
    <div className="update-prompt" role="status">
      <p>{t('update.ready')}</p>
      <div className="update-actions">
        <button type="button" onClick={() => reloadIntoNewVersion(updateServiceWorker)}>
          {t('update.reload')}
        </button>
        <button type="button" className="secondary" onClick={() => setIsDeferred(true)}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
