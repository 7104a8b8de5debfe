import type * as Y from 'yjs';
import type { ClauseKind } from './agreementSchema';
import { languagesOf, listClauses } from './agreement';
import { currentVersions } from './clauseStatus';

/** The agreement's words at one moment: what a version shows and what compare reads. */
export interface AgreementText {
  languages: string[];
  clauses: {
    id: string;
    kind: ClauseKind;
    title: Record<string, string>;
    text: Record<string, string>;
  }[];
}

/** The plain text of every clause in every language, in order. */
export function agreementText(doc: Y.Doc): AgreementText {
  return {
    languages: languagesOf(doc),
    clauses: listClauses(doc).map(({ id, kind, title }) => ({
      id,
      kind,
      title,
      text: Object.fromEntries(
        Object.entries(currentVersions(doc, id)).map(([lang, v]) => [lang, v.text]),
      ),
    })),
  };
}
