import { useEffect, useState } from 'react';
import { type OpenRoom, openRoom } from './localRooms';
import { reportRefusal } from './refusals';

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
    const watch = () =>
      opened.room.receipts.onRefused((reason) => {
        reportRefusal(roomName, reason);
        setRoom(null);
        void opened.discard().then(() => {
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
