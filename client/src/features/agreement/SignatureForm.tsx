import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useFormAction } from '../../ui/useAction';
import type { PromptState } from '../../widgets/prompts/usePrompts';
import { promptValues } from '../../widgets/prompts/promptText';
import { SignaturePad } from './SignaturePad';
import { registerSignatureFonts } from './signatureFonts';

interface Props {
  partnership: PartnershipView;
  hash: string;
  /** The agreement's own open prompts, which the signatory confirms having read. */
  prompts: PromptState[];
}

type Part = 'name' | 'title' | 'signature' | 'prompts' | 'consent';

/**
 * One school's signature: name, title, a drawn or typed signature (typed ones are shown in the
 * handwriting font the PDF uses), the agreement's open prompts, and consent in one's language.
 * The button says what is still missing instead of staying silently disabled.
 */
export function SignatureForm({ partnership, hash, prompts }: Props) {
  const { t, i18n } = useTranslation(['signing', 'prompts']);
  const { account } = useSession();
  const school = partnership.sides[partnership.you.side].name;
  const [name, setName] = useState(account?.name ?? '');
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'draw' | 'type'>('draw');
  const [image, setImage] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const modeName = useId();
  const [hasConsented, setHasConsented] = useState(false);
  const [hasReadPrompts, setHasReadPrompts] = useState(false);
  useEffect(registerSignatureFonts, []);
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
  const missing: Part[] = [
    ...(name.trim() ? [] : (['name'] as const)),
    ...(title.trim() ? [] : (['title'] as const)),
    ...((mode === 'draw' ? image : typed.trim()) ? [] : (['signature'] as const)),
    ...(prompts.length === 0 || hasReadPrompts ? [] : (['prompts'] as const)),
    ...(hasConsented ? [] : (['consent'] as const)),
  ];
  const missingText = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    missing.map((part) => t(`missingParts.${part}`)),
  );
  return (
    <form className="signature-form stack" onSubmit={sign.onSubmit}>
      <h3>{t('signFor', { school })}</h3>
      <label className="field">
        {t('name')}
        <input
          value={name}
          dir="auto"
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field">
        {t('title')}
        <input value={title} dir="auto" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <fieldset className="signature-mode">
        <legend>{t('how')}</legend>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === 'draw'}
            onChange={() => setMode('draw')}
          />
          {t('draw')}
        </label>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === 'type'}
            onChange={() => setMode('type')}
          />
          {t('type')}
        </label>
      </fieldset>
      {mode === 'draw' ? (
        <SignaturePad onChange={setImage} />
      ) : (
        <>
          <label className="field">
            {t('typed')}
            <input value={typed} dir="auto" onChange={(e) => setTyped(e.target.value)} />
          </label>
          {typed.trim() && (
            <figure className="typed-preview">
              <figcaption>{t('typedPreview')}</figcaption>
              <p className="typed-signature" dir="auto">
                {typed}
              </p>
            </figure>
          )}
        </>
      )}
      {prompts.length > 0 && (
        <details className="signing-prompts">
          <summary>{t('promptsList')}</summary>
          <ul>
            {prompts.map((p) => (
              <li key={p.key}>
                {t(`prompts:${p.id}.message`, promptValues(p, partnership, t, i18n.language))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {prompts.length > 0 && (
        <label className="check">
          <input
            type="checkbox"
            checked={hasReadPrompts}
            onChange={(e) => setHasReadPrompts(e.target.checked)}
          />
          <span>{t('readPrompts', { count: prompts.length })}</span>
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={hasConsented}
          onChange={(e) => setHasConsented(e.target.checked)}
        />
        <span>{t('consent', { school })}</span>
      </label>
      <div className="sign-action">
        <button
          type="submit"
          disabled={missing.length > 0 || sign.isRunning}
          aria-describedby={missing.length > 0 ? 'sign-missing' : undefined}
        >
          {t('sign', { school })}
        </button>
        {missing.length > 0 && (
          <p id="sign-missing" className="hint">
            {t('missing', { list: missingText })}
          </p>
        )}
      </div>
      <ErrorMessage error={sign.error} />
    </form>
  );
}
