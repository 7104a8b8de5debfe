/** The name of the canonical JSON attached to the signed PDF (read back by /api/verify). */
export const CANONICAL_ATTACHMENT = 'agreement.json';
