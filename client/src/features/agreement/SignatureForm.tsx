import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import { SignaturePad } from './SignaturePad';

interface Props {
  partnership: PartnershipView;
  hash: string;
  /** Active prompts the signatory confirms having read (shared/DOMAIN.md: a summary, not a block). */
  promptCount: number;
}

/** One school's signature: name, title, drawn or typed signature, and consent in one's language. */
export function SignatureForm({ partnership, hash, promptCount }: Props) {
  const { t, i18n } = useTranslation('signing');
  const { account } = useSession();
  const school = partnership.sides[partnership.you.side].name;
  const [name, setName] = useState(account?.name ?? '');
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'draw' | 'type'>('draw');
  const [image, setImage] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [hasConsented, setHasConsented] = useState(false);
  const [hasReadPrompts, setHasReadPrompts] = useState(promptCount === 0);
  const sign = useFormAction(() =>
    api('POST', `/api/partnerships/${partnership.id}/signing/signatures`, {
      name,
      title,
      ...(mode === 'draw' ? { image } : { typed }),
      consent: true,
      hash,
      language: i18n.language,
    }).then(() => undefined),
  );
  const isReady =
    name.trim() &&
    title.trim() &&
    hasConsented &&
    hasReadPrompts &&
    (mode === 'draw' ? image : typed.trim());
  return (
    <form className="signature-form stack" onSubmit={sign.onSubmit}>
      <h3>{t('signFor', { school })}</h3>
      <label className="field">
        {t('name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        {t('title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('how')}</legend>
        <label>
          <input type="radio" checked={mode === 'draw'} onChange={() => setMode('draw')} />
          {t('draw')}
        </label>
        <label>
          <input type="radio" checked={mode === 'type'} onChange={() => setMode('type')} />
          {t('type')}
        </label>
      </fieldset>
      {mode === 'draw' ? (
        <SignaturePad onChange={setImage} />
      ) : (
        <label className="field">
          {t('typed')}
          <input
            className="typed-signature"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
      )}
      {promptCount > 0 && (
        <label>
          <input
            type="checkbox"
            checked={hasReadPrompts}
            onChange={(e) => setHasReadPrompts(e.target.checked)}
          />
          {t('readPrompts', { count: promptCount })}
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={hasConsented}
          onChange={(e) => setHasConsented(e.target.checked)}
        />
        {t('consent', { school })}
      </label>
      <button type="submit" disabled={!isReady || sign.isRunning}>
        {t('sign', { school })}
      </button>
      <ErrorMessage error={sign.error} />
    </form>
  );
}
