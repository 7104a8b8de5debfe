import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies `text` to the clipboard and says so (to screen readers too). Where the browser
 * refuses the clipboard, it says to copy by hand from the field beside it.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="secondary" aria-label={label} onClick={() => void copy()}>
        {t('copy.button')}
      </button>{' '}
      <span role="status" className="hint">
        {state === 'copied' && t('copy.done')}
        {state === 'failed' && t('copy.failed')}
      </span>
    </>
  );
}
