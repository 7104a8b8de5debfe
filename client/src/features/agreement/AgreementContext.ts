import { createContext, useContext } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import type { Permission } from '@tandem/shared/permissions';
import type { Identity } from '../../collab/identity';
import type { PromptState } from '../../widgets/prompts/usePrompts';

/** What every part of the agreement view works with. */
export interface AgreementScope {
  doc: Y.Doc;
  status: Y.Doc;
  provider: WebsocketProvider;
  partnership: PartnershipView;
  /** The viewer's language first, the partner's second (one entry if both share it). */
  columns: string[];
  permission: Permission;
  identity: Identity;
  /** Coordinators and leaders approve on behalf of their school. */
  canApprove: boolean;
  /** The reciprocity prompts, live. */
  prompts: PromptState[];
}

export const AgreementContext = createContext<AgreementScope | null>(null);

export function useAgreementScope(): AgreementScope {
  const scope = useContext(AgreementContext);
  if (!scope) throw new Error('useAgreementScope outside the agreement view');
  return scope;
}
