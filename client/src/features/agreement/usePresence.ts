import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { Identity } from '../../collab/identity';

/** Awareness field naming the clause a person is working in. */
const CLAUSE_FIELD = 'clause';

/** Who else is in which clause (from awareness), and a way to say where this person is. */
export function usePresence(provider: WebsocketProvider) {
  const { awareness } = provider;
  const [byClause, setByClause] = useState(new Map<string, Identity[]>());
  useEffect(() => {
    const onChange = () => {
      const next = new Map<string, Identity[]>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const clause: unknown = state[CLAUSE_FIELD];
        const user: unknown = state.user;
        if (typeof clause !== 'string' || !isIdentity(user)) continue;
        next.set(clause, [...(next.get(clause) ?? []), user]);
      }
      setByClause(next);
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  const setHere = useCallback(
    (clauseId: string | null) => awareness.setLocalStateField(CLAUSE_FIELD, clauseId),
    [awareness],
  );
  return { byClause, setHere };
}

function isIdentity(value: unknown): value is Identity {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'color' in value &&
    typeof value.color === 'string'
  );
}
