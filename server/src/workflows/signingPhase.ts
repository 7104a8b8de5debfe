import type { Signing } from '../storage/sqlite/SigningStore';

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
