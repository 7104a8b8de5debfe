import { useMemo } from 'react';
import type * as Y from 'yjs';
import { getClauseText, type ClauseInfo } from '@tandem/shared/doc/agreement';
import { clauseState } from '@tandem/shared/doc/clauseStatus';
import { statusTypes } from '@tandem/shared/doc/status';
import { useDocValue } from '../../collab/useDocValue';

/**
 * A clause's live drift status and approvals: recomputed from its language versions as people
 * type and from the server-written status document as alignments and approvals arrive.
 */
export function useClauseState(
  agreement: Y.Doc,
  status: Y.Doc,
  clause: ClauseInfo,
  languages: readonly string[],
) {
  const types = useMemo(
    () => [
      ...languages.map((lang) => getClauseText(agreement, clause.id, lang)),
      ...statusTypes(status),
    ],
    [agreement, status, clause.id, languages],
  );
  return useDocValue(types, () => clauseState(agreement, status, clause));
}
