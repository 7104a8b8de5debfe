import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Turns for heavy parts of a page (an editor each): those that wait mount one per browser task,
 * in the order they asked, so that the first shows at once, the page answers keys and clicks
 * between two, and a long agreement does not hold the screen blank while all its editors start.
 */
const waiting: (() => void)[] = [];
let isRunning = false;

function runNext(): void {
  const next = waiting.shift();
  if (!next) {
    isRunning = false;
    return;
  }
  next();
  setTimeout(runNext, 0);
}

/** Whether the part may mount now: at once when `isFirst`, else when its turn comes. */
export function useTurn(isFirst: boolean): boolean {
  const [hasTurn, setTurn] = useState(isFirst);
  useEffect(() => {
    if (hasTurn) return;
    // Rendered at once, in this task, so that each turn mounts exactly one part.
    const take = () => flushSync(() => setTurn(true));
    waiting.push(take);
    if (!isRunning) {
      isRunning = true;
      setTimeout(runNext, 0);
    }
    return () => {
      const at = waiting.indexOf(take);
      if (at >= 0) waiting.splice(at, 1);
    };
  }, [hasTurn]);
  return hasTurn;
}
