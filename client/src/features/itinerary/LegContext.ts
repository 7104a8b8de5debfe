import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import type { LegMeta } from '@tandem/shared/doc/itinerary';
import type { Side } from '@tandem/shared/people';
import type { PromptState } from '../../widgets/prompts/usePrompts';

/** What every part of one leg's view works with. */
export interface LegScope {
  doc: Y.Doc;
  side: Side;
  meta: LegMeta;
  partnership: PartnershipView;
  /** Host-side editors change the leg directly; everyone else gives feedback (P19). */
  canEdit: boolean;
  canGiveFeedback: boolean;
  prompts: PromptState[];
}

export const LegContext = createContext<LegScope | null>(null);

export function useLegScope(): LegScope {
  const scope = useContext(LegContext);
  if (!scope) throw new Error('useLegScope outside an itinerary leg');
  return scope;
}
