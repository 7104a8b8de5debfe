import type * as Y from 'yjs';
import type { Side } from '../people';
import { getClauseText, languagesOf, listClauses, type ClauseInfo } from './agreement';
import { countingApprovals, deriveStatus, type ClauseStatus, type Fingerprints } from './drift';
import { fingerprint, plainText } from './fingerprint';
import { hasMachineText } from './machineText';
import { alignmentOf, approvalsOf } from './status';

/** One language version of a clause as it is now. */
export interface CurrentVersion {
  text: string;
  hash: string | null;
  /** Whether some of it is machine translation nobody has edited or confirmed yet (P10). */
  hasMachineText: boolean;
}

/** The text and fingerprint of every language version of a clause, as it is now. */
export function currentVersions(doc: Y.Doc, clauseId: string): Record<string, CurrentVersion> {
  const out: Record<string, CurrentVersion> = {};
  for (const lang of languagesOf(doc)) {
    const fragment = getClauseText(doc, clauseId, lang);
    const text = plainText(fragment);
    out[lang] = { text, hash: fingerprint(text), hasMachineText: hasMachineText(fragment) };
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
  const versions = currentVersions(agreement, clause.id);
  const current = Object.fromEntries(Object.entries(versions).map(([lang, v]) => [lang, v.hash]));
  const machine = languages.filter((lang) => versions[lang]?.hasMachineText);
  return {
    ...clause,
    status: deriveStatus(languages, current, alignmentOf(status, clause.id), machine),
    approvals: countingApprovals(languages, current, approvalsOf(status, clause.id)),
  };
}

/** Every clause of the agreement, in order, with its state. */
export function clauseStates(agreement: Y.Doc, status: Y.Doc): ClauseState[] {
  return listClauses(agreement).map((clause) => clauseState(agreement, status, clause));
}
