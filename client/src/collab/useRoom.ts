import { useEffect, useState } from 'react';
import { type OpenRoom, openRoom } from './localRooms';

/** The room open while the component is mounted (see openRoom); null until then. */
export function useRoom(roomName: string | null): OpenRoom | null {
  const [room, setRoom] = useState<OpenRoom | null>(null);
  useEffect(() => {
    if (roomName === null) return;
    const opened = openRoom(roomName);
    // The room is an external resource made here and torn down below; React state is how the
    // component sees it (StrictMode's double effect must get a fresh one).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRoom(opened.room);
    return () => {
      void opened.close();
      setRoom(null);
    };
  }, [roomName]);
  return room;
}
