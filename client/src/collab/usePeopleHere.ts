import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** Awareness field naming the member behind a connection, so people are counted, not tabs. */
const MEMBER_FIELD = 'member';

/**
 * How many people have this document open, this person included: distinct members among the
 * connections that say who they are (two tabs of one person count once).
 */
export function usePeopleHere(provider: WebsocketProvider, memberId: string): number {
  const { awareness } = provider;
  const [people, setPeople] = useState(() => countPeople(awareness, memberId));
  useEffect(() => {
    awareness.setLocalStateField(MEMBER_FIELD, memberId);
    const onChange = () => setPeople(countPeople(awareness, memberId));
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, memberId]);
  return people;
}

function countPeople(awareness: WebsocketProvider['awareness'], memberId: string): number {
  const members = new Set([memberId]);
  for (const state of awareness.getStates().values()) {
    const member: unknown = state[MEMBER_FIELD];
    if (typeof member === 'string') members.add(member);
  }
  return members.size;
}
