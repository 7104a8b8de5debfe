import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translation } from '@tandem/shared/api';
import { directionOf } from '@tandem/shared/i18n/index';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { machineTranslate, useTranslationOffer } from '../../platform/translation';
import './translation.css';

interface Props {
  partnershipId: string;
  /** What to translate (read when the person asks, so it is the text as it is then). */
  text: () => string;
  from: string;
  /** The reader's language. */
  to: string;
  /** The button's words: "Show in my language" beside a clause, "Translate" elsewhere. */
  label: 'show' | 'translate';
}

/**
 * Reading help (P10): a button that shows a machine translation of someone else's text below
 * it, marked as machine translated, never editable and never stored. Hidden when the server
 * offers no translation for this pair.
 */
export function MachineTranslation({ partnershipId, text, from, to, label }: Props) {
  const { t } = useTranslation('common');
  const canTranslate = useTranslationOffer(partnershipId);
  const [shown, setShown] = useState<Translation | null>(null);
  const fetch = useAction(async () => {
    setShown(await machineTranslate(partnershipId, text(), from, to));
  });
  if (!canTranslate(from, to)) return null;
  return (
    <div className="machine-reading no-print">
      {shown ? (
        <button type="button" className="secondary" onClick={() => setShown(null)}>
          {t('translation.hide')}
        </button>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={fetch.isRunning}
          onClick={() => void fetch.run()}
        >
          {t(fetch.isRunning ? 'translation.working' : `translation.${label}`)}
        </button>
      )}
      <ErrorMessage error={fetch.error} />
      {shown && (
        <figure className="machine-translation" role="note">
          <figcaption>{t('translation.note', { provider: shown.provider })}</figcaption>
          <div lang={to} dir={directionOf(to)}>
            {shown.text.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        </figure>
      )}
    </div>
  );
}
