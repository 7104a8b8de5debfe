import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import type { Item, LegMeta } from '@tandem/shared/doc/itinerary';
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
  /** The reader's languages, most wanted first: UI language, then their school's. */
  readerLanguages: readonly string[];
  /** Opens an item's sheet (its full form, or its details for the visiting side). */
  open: (itemId: string) => void;
  /** Deletes an item, with an undo for some seconds. */
  remove: (item: Item) => void;
  /** Says something to screen readers (a polite live region). */
  announce: (message: string) => void;
}

export const LegContext = createContext<LegScope | null>(null);

export function useLegScope(): LegScope {
  const scope = useContext(LegContext);
  if (!scope) throw new Error('useLegScope outside an itinerary leg');
  return scope;
}
