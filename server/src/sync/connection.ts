import type { WebSocket } from 'ws';
import type { Side } from '@tandem/shared/people';
import { CloseCode } from '@tandem/shared/protocol';
import { closeFirmly } from './closeFirmly';
import { handleMessage } from './handleMessage';
import type { ConnectionOwner, LiveConnections } from './LiveConnections';
import { encodeAwareness, encodeSyncStep1 } from '../rooms/messages';
import type { Peer } from '../rooms/Peer';
import { AttributionError, ForbiddenChangeError, type Room } from '../rooms/Room';
import type { RoomRegistry } from '../rooms/RoomRegistry';

/** Who is connecting and what they may do; decided by the upgrade handler. */
export interface SyncAccess {
  owner: ConnectionOwner;
  /** The member's display name, shown in presence. */
  name: string;
  side: Side;
  /** The language of the member's school. */
  language: string;
  canEdit: boolean;
  /** See Peer.mayDecide. */
  mayDecide: boolean;
}

export interface ConnectionContext {
  registry: RoomRegistry;
  connections: LiveConnections;
  log: (message: string, error?: unknown) => void;
}

let nextPeerId = 1;

/**
 * Serves one WebSocket for one room. Frames are handled strictly in order, and only once the
 * room has loaded, so a peer is never answered from a half-loaded document.
 */
export function attachConnection(
  ws: WebSocket,
  roomName: string,
  access: SyncAccess,
  { registry, connections, log }: ConnectionContext,
): void {
  // Frames that arrived before a close are still applied (the peer saw them as sent), but
  // nothing after a bad frame or after access ended is.
  let isRejected = false;
  connections.add(ws, access.owner, () => (isRejected = true));
  const peer: Peer = {
    id: nextPeerId++,
    memberId: access.owner.memberId,
    canEdit: access.canEdit,
    mayDecide: access.mayDecide,
    name: access.name,
    side: access.side,
    language: access.language,
    awarenessIds: new Set(),
    presenceClient: null,
    send: (message) => {
      if (ws.readyState === ws.OPEN) ws.send(message);
    },
  };
  const describe = `room ${roomName} peer ${peer.id}`;

  const joined = registry.join(roomName, peer).then((room) => {
    peer.send(encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
    return room;
  });
  let queue: Promise<Room | null> = joined.catch((error: unknown) => {
    log(`${describe}: loading the room failed`, error);
    closeFirmly(ws, CloseCode.serverError, 'room unavailable');
    return null;
  });

  ws.on('message', (data, isBinary) => {
    const frame = isBinary ? toBytes(data) : null;
    queue = queue.then(async (room) => {
      if (!room || isRejected) return room;
      try {
        if (!frame) throw new Error('text frame');
        await handleMessage(room, peer, frame);
      } catch (error) {
        isRejected = true;
        const isSpoof = error instanceof AttributionError || error instanceof ForbiddenChangeError;
        log(`${describe}: ${isSpoof ? 'spoofing' : 'bad message'}, closing`, error);
        closeFirmly(
          ws,
          isSpoof ? CloseCode.forbidden : CloseCode.badMessage,
          isSpoof ? 'not yours' : 'bad message',
        );
      }
      return room;
    });
  });

  // ws reports protocol violations (an oversized frame: 1009) here, then closes the socket;
  // without a listener the error would be thrown and take the whole process down.
  ws.on('error', (error) => log(`${describe}: ${error.message}`));

  ws.on('close', () => {
    void queue.then((room) => {
      if (!room) return;
      room.removePeer(peer);
      return registry.release(room);
    });
  });
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}
