import { useEffect, useState } from 'react';
import { type OpenRoom, openRoom } from './localRooms';
import { reportRefusal } from './refusals';

/** Refusals within this window slow the reopening down (a change that recurs on each open). */
const REFUSAL_WINDOW_MS = 60_000;
const MAX_REOPEN_DELAY_MS = 10_000;

/**
 * The room open while the component is mounted (see openRoom); null until then. When the
 * server refuses an edit, the person is told why, and the room is opened again without its
 * local copy: nothing refused stays on screen or on this device.
 */
export function useRoom(roomName: string | null): OpenRoom | null {
  const [room, setRoom] = useState<OpenRoom | null>(null);
  useEffect(() => {
    if (roomName === null) return;
    let isActive = true;
    let opened = openRoom(roomName);
    let refusals: number[] = [];
    const watch = () =>
      opened.room.receipts.onRefused((reason) => {
        reportRefusal(roomName, reason);
        setRoom(null);
        const now = Date.now();
        refusals = [...refusals.filter((at) => now - at < REFUSAL_WINDOW_MS), now];
        const delay = Math.min(250 * 2 ** (refusals.length - 1), MAX_REOPEN_DELAY_MS);
        void opened
          .discard()
          .then(() => new Promise((resolve) => setTimeout(resolve, delay)))
          .then(() => {
            if (!isActive) return;
            opened = openRoom(roomName);
            watch();
            setRoom(opened.room);
          });
      });
    watch();
    // The room is an external resource made here and torn down below; React state is how the
    // component sees it (StrictMode's double effect must get a fresh one).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRoom(opened.room);
    return () => {
      isActive = false;
      void opened.close();
      setRoom(null);
    };
  }, [roomName]);
  return room;
}
