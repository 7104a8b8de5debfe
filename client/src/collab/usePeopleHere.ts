import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** How many people have this document open, this person included (awareness states). */
export function usePeopleHere(provider: WebsocketProvider): number {
  const [count, setCount] = useState(() => provider.awareness.getStates().size);
  useEffect(() => {
    const onChange = () => setCount(provider.awareness.getStates().size);
    provider.awareness.on('change', onChange);
    return () => provider.awareness.off('change', onChange);
  }, [provider]);
  return count;
}
