import type * as Y from 'yjs';
import type { Side } from '../people';
import { getClauseText, languagesOf, listClauses, type ClauseInfo } from './agreement';
import { countingApprovals, deriveStatus, type ClauseStatus, type Fingerprints } from './drift';
import { fingerprint, plainText } from './fingerprint';
import { alignmentOf, approvalsOf } from './status';

/** The text and fingerprint of every language version of a clause, as it is now. */
export function currentVersions(
  doc: Y.Doc,
  clauseId: string,
): Record<string, { text: string; hash: string | null }> {
  const out: Record<string, { text: string; hash: string | null }> = {};
  for (const lang of languagesOf(doc)) {
    const text = plainText(getClauseText(doc, clauseId, lang));
    out[lang] = { text, hash: fingerprint(text) };
  }
  return out;
}

/** Current fingerprint per language of a clause. */
export function currentFingerprints(doc: Y.Doc, clauseId: string): Fingerprints {
  const versions = currentVersions(doc, clauseId);
  return Object.fromEntries(Object.entries(versions).map(([lang, v]) => [lang, v.hash]));
}

/** A clause with its live drift status and which sides' approvals count. */
export interface ClauseState extends ClauseInfo {
  status: ClauseStatus;
  approvals: Record<Side, boolean>;
}

/** The state of one clause from the agreement and the server-written status document. */
export function clauseState(agreement: Y.Doc, status: Y.Doc, clause: ClauseInfo): ClauseState {
  const languages = languagesOf(agreement);
  const current = currentFingerprints(agreement, clause.id);
  return {
    ...clause,
    status: deriveStatus(languages, current, alignmentOf(status, clause.id)),
    approvals: countingApprovals(languages, current, approvalsOf(status, clause.id)),
  };
}

/** Every clause of the agreement, in order, with its state. */
export function clauseStates(agreement: Y.Doc, status: Y.Doc): ClauseState[] {
  return listClauses(agreement).map((clause) => clauseState(agreement, status, clause));
}
