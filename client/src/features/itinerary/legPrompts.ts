import type { Role, Side } from '@tandem/shared/people';
import type { PromptState } from '../../widgets/prompts/usePrompts';

/**
 * The prompts a person can act on, on one leg: the host side's editors those about its items,
 * days and the leg; coordinators every one; the visiting side only those that ask it to
 * propose (R-proposals) or to bring its own culture (R-guest-voice).
 */
export function promptsFor(
  prompts: PromptState[],
  who: { role: Role; side: Side; canEdit: boolean },
): PromptState[] {
  if (who.role === 'coordinator') return prompts;
  if (who.canEdit) {
    return prompts.filter((p) => ['item', 'day', 'leg'].includes(p.target.kind));
  }
  return prompts.filter(
    (p) =>
      (p.id === 'R-proposals' && p.params.ask === who.side) ||
      (p.id === 'R-guest-voice' && p.target.kind === 'leg'),
  );
}
