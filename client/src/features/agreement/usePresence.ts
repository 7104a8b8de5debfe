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
    // Awareness changes with every caret move of every person: the page re-renders only when
    // who is in which clause changed, or typing elsewhere would wait behind whole-page renders.
    let shown = '';
    const onChange = () => {
      const next = new Map<string, Identity[]>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const clause: unknown = state[CLAUSE_FIELD];
        const user: unknown = state.user;
        if (typeof clause !== 'string' || !isIdentity(user)) continue;
        next.set(clause, [...(next.get(clause) ?? []), user]);
      }
      const key = JSON.stringify([...next]);
      if (key === shown) return;
      shown = key;
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
