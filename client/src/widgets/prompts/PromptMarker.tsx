import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import type { PromptTarget } from '@tandem/shared/reciprocity/prompt';
import { openPromptsPanel, promptValues } from './promptText';
import type { PromptState } from './usePrompts';

function isAt(prompt: PromptState, target: PromptTarget): boolean {
  const a = prompt.target;
  if (a.kind !== target.kind) return false;
  if (a.kind === 'clause' && target.kind === 'clause') return a.clauseId === target.clauseId;
  if (a.kind === 'item' && target.kind === 'item')
    return a.itemId === target.itemId && a.leg === target.leg;
  return false;
}

/**
 * An inline marker on a clause or item with active prompts, linking to the panel (opened); its
 * tooltip holds the prompts' messages.
 */
export function PromptMarker(props: {
  prompts: PromptState[];
  target: PromptTarget;
  partnership: PartnershipView;
}) {
  const { t, i18n } = useTranslation(['prompts', 'agreement', 'itinerary']);
  const here = props.prompts.filter((p) => !p.dismissed && isAt(p, props.target));
  if (here.length === 0) return null;
  const messages = here.map((p) =>
    t(`prompts:${p.id}.message`, promptValues(p, props.partnership, t, i18n.language)),
  );
  return (
    <a
      className="badge badge-warn prompt-marker no-print"
      href="#prompts"
      title={messages.join('\n')}
      onClick={openPromptsPanel}
    >
      {t('prompts:marker', { count: here.length })}
    </a>
  );
}
