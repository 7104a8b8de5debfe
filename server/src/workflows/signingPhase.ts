import { AppError, ErrorCode } from '@tandem/shared/errors';
import type { Signing, SigningReads } from '../storage/SigningStore';

/** What everyone is shown of an agreement's signing: a draft, signing under way, or signed. */
export type PublicPhase = 'draft' | 'signing' | 'signed';

/**
 * The public phase of a partnership's current signing (`null`: none, a draft). A cancelled or
 * amended signing is not current, so only `signing` and `signed` reach here.
 */
export function publicPhase(current: Pick<Signing, 'phase'> | null | undefined): PublicPhase {
  if (current?.phase === 'signed') return 'signed';
  return current?.phase === 'signing' ? 'signing' : 'draft';
}

/** Whether the agreement is frozen: signing under way, or signed and not amended. */
export async function isFrozen(signings: SigningReads, partnershipId: string): Promise<boolean> {
  return (await signings.current(partnershipId)) !== null;
}

/** Refuses (409 AGREEMENT_FROZEN) while signing is under way or done: the text may not change. */
export async function requireDraft(signings: SigningReads, partnershipId: string): Promise<void> {
  if (await isFrozen(signings, partnershipId)) {
    throw new AppError(ErrorCode.AGREEMENT_FROZEN, 'The agreement is frozen for signing.');
  }
}
