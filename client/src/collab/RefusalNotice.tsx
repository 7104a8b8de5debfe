import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissRefusal, latestRefusal, subscribeRefusals } from './refusals';

/**
 * Tells the person that an edit was not saved and why, in their language; the document has
 * already returned to the server's state (useRoom). Stays until dismissed.
 */
export function RefusalNotice() {
  const { t } = useTranslation();
  const refusal = useSyncExternalStore(subscribeRefusals, latestRefusal);
  if (!refusal) return null;
  return (
    <div className="refusal-notice" role="alert" data-reason={refusal.reason}>
      <p>{t('refusal.notSaved', { reason: t(`refusal.${refusal.reason}`) })}</p>
      <button type="button" onClick={dismissRefusal}>
        {t('refusal.dismiss')}
      </button>
    </div>
  );
}
