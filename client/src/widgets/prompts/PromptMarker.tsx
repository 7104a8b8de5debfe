import { useTranslation } from 'react-i18next';
import type { PromptTarget } from '@tandem/shared/reciprocity/prompt';
import type { PromptState } from './usePrompts';

function isAt(prompt: PromptState, target: PromptTarget): boolean {
  const a = prompt.target;
  if (a.kind !== target.kind) return false;
  if (a.kind === 'clause' && target.kind === 'clause') return a.clauseId === target.clauseId;
  if (a.kind === 'item' && target.kind === 'item')
    return a.itemId === target.itemId && a.leg === target.leg;
  return false;
}

/** An inline marker on a clause or item with active prompts, linking to the panel. */
export function PromptMarker({
  prompts,
  target,
}: {
  prompts: PromptState[];
  target: PromptTarget;
}) {
  const { t } = useTranslation('prompts');
  const here = prompts.filter((p) => !p.dismissed && isAt(p, target));
  if (here.length === 0) return null;
  return (
    <a
      className="badge badge-warn prompt-marker no-print"
      href="#prompts"
      title={here.map((p) => p.id).join(', ')}
    >
      {t('marker', { count: here.length })}
    </a>
  );
}
