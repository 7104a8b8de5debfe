import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import { isStaff } from '@tandem/shared/permissions';
import type { PromptTarget } from '@tandem/shared/reciprocity/prompt';
import { api } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { promptHref, promptValues } from './promptText';
import type { PromptState } from './usePrompts';

/** The name of the place a prompt points at (a clause's number and title, an item's title). */
export type PlaceName = (target: PromptTarget) => string | null;

/**
 * The reciprocity prompts: friendly nudges with a reason and a link, never a block (except
 * drift before signing). Each names its place, so two alike prompts are told apart. Staff may
 * dismiss one with a reason both schools see, or bring it back.
 */
export function PromptsPanel({
  prompts,
  partnership,
  placeOf,
}: {
  prompts: PromptState[];
  partnership: PartnershipView;
  placeOf: PlaceName;
}) {
  const { t } = useTranslation('prompts');
  const active = prompts.filter((p) => !p.dismissed);
  const dismissed = prompts.filter((p) => p.dismissed);
  return (
    <details className="prompts no-print" id="prompts">
      <summary>{t('title', { count: active.length })}</summary>
      {active.length === 0 && <p className="hint">{t('none')}</p>}
      <ul className="plain-list">
        {active.map((p) => (
          <PromptEntry key={p.key} prompt={p} partnership={partnership} place={placeOf(p.target)} />
        ))}
      </ul>
      {dismissed.length > 0 && (
        <details>
          <summary>{t('dismissed', { count: dismissed.length })}</summary>
          <ul className="plain-list">
            {dismissed.map((p) => (
              <PromptEntry
                key={p.key}
                prompt={p}
                partnership={partnership}
                place={placeOf(p.target)}
              />
            ))}
          </ul>
        </details>
      )}
    </details>
  );
}

function PromptEntry({
  prompt,
  partnership,
  place,
}: {
  prompt: PromptState;
  partnership: PartnershipView;
  place: string | null;
}) {
  const { t, i18n } = useTranslation(['prompts', 'agreement', 'itinerary']);
  const [isDismissing, setIsDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const path = `/api/partnerships/${partnership.id}/prompts/${encodeURIComponent(prompt.key)}/dismissal`;
  const dismiss = useAction(() => api('POST', path, { reason }).then(() => setIsDismissing(false)));
  const restore = useAction(() => api('DELETE', path).then(() => undefined));
  const values = promptValues(prompt, partnership, t, i18n.language);
  const canDecide = isStaff(partnership.you.role);
  const by = partnership.members.find((m) => m.id === prompt.dismissed?.by)?.name ?? '';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) void dismiss.run();
  };
  return (
    <li className={`prompt prompt-${prompt.severity}`} data-prompt={prompt.id}>
      {place && (
        <p className="prompt-place">
          <bdi>{place}</bdi>
        </p>
      )}
      <p>
        <strong>{t(`${prompt.id}.message`, values)}</strong>
      </p>
      <p className="hint">{t(`${prompt.id}.why`)}</p>
      {prompt.dismissed && (
        <p className="notice">
          {t('dismissedBecause', { name: by, reason: prompt.dismissed.reason })}
        </p>
      )}
      <p className="toolbar">
        <a href={promptHref(prompt, partnership.id)} onClick={() => focusPlace(prompt.target)}>
          {t('goThere')}
        </a>
        {canDecide && !prompt.dismissed && !isDismissing && prompt.severity !== 'blocking' && (
          <button type="button" className="link" onClick={() => setIsDismissing(true)}>
            {t('dismiss')}
          </button>
        )}
        {canDecide && prompt.dismissed && (
          <button type="button" className="link" onClick={() => void restore.run()}>
            {t('bringBack')}
          </button>
        )}
      </p>
      {isDismissing && (
        <form className="inline-form" onSubmit={onSubmit}>
          <label>
            {t('reason')}
            <input
              dir="auto"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!reason.trim() || dismiss.isRunning}>
            {t('dismiss')}
          </button>
          <button type="button" className="secondary" onClick={() => setIsDismissing(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <ErrorMessage error={dismiss.error ?? restore.error} />
    </li>
  );
}

/** After following a link on the same page, the keyboard continues from the clause's heading. */
function focusPlace(target: PromptTarget) {
  if (target.kind !== 'clause') return;
  requestAnimationFrame(() => document.getElementById(`clause-title-${target.clauseId}`)?.focus());
}
