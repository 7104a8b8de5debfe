import type { WebSocket } from 'ws';
import type { Side } from '@tandem/shared/people';
import { CloseCode, type RefusalReason } from '@tandem/shared/protocol';
import { closeFirmly } from './closeFirmly';
import { answerPing, refusalFor, sendRefusal } from './receipts';
import { handleMessage } from './handleMessage';
import { connectionMeter, type SyncLimits, TooFastError } from './limits';
import type { ConnectionOwner, LiveConnections } from './LiveConnections';
import { encodeAwareness, encodeSyncStep1 } from '../rooms/messages';
import type { Peer } from '../rooms/Peer';
import {
  AttributionError,
  DocumentFullError,
  ForbiddenChangeError,
  type Room,
  StorageBackedUpError,
  StorageTimeoutError,
} from '../rooms/Room';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { Log } from '../observability/log';
import type { Metrics } from '../observability/metrics';

/** Who is connecting and what they may do; decided by the upgrade handler. */
export interface SyncAccess {
  owner: ConnectionOwner;
  /** The member's display name, shown in presence. */
  name: string;
  side: Side;
  /** The language of the member's school. */
  language: string;
  canEdit: boolean;
  /** See Peer.readOnlyReason. */
  readOnlyReason: RefusalReason;
  /** See Peer.mayDecide and Peer.mayPropose. */
  mayDecide: boolean;
  mayPropose: boolean;
}

export interface ConnectionContext {
  registry: RoomRegistry;
  connections: LiveConnections;
  limits: SyncLimits;
  metrics: Pick<Metrics, 'refused'>;
  log: Log;
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
  { registry, connections, limits, metrics, log: logAll }: ConnectionContext,
): void {
  // Frames that arrived before a close are still applied (the peer saw them as sent), but
  // nothing after a bad frame or after access ended is.
  let isRejected = false;
  connections.add(ws, access.owner, () => (isRejected = true));
  const peer: Peer = {
    id: nextPeerId++,
    memberId: access.owner.memberId,
    canEdit: access.canEdit,
    readOnlyReason: access.readOnlyReason,
    wantsReceipts: false,
    updateFrames: 0,
    mayDecide: access.mayDecide,
    mayPropose: access.mayPropose,
    name: access.name,
    side: access.side,
    language: access.language,
    awarenessIds: new Set(),
    presenceClient: null,
    send: (message) => {
      if (ws.readyState !== ws.OPEN || isRejected) return;
      // A peer that does not read what it is sent must not make the server buffer without end:
      // at most the limit, or twice the document (so a large document can still be sent).
      const bound = Math.max(limits.maxBufferedBytes, 2 * (loaded?.byteSize ?? 0));
      if (ws.bufferedAmount + message.length > bound) {
        isRejected = true;
        log('not reading what it is sent, closing');
        closeFirmly(ws, CloseCode.tryAgainLater, 'too slow');
        return;
      }
      ws.send(message);
    },
  };
  const fields = {
    connectionId: peer.id,
    partnership: roomName.slice(0, roomName.indexOf('/')),
    room: roomName,
  };
  const log = (message: string, error?: unknown) => logAll(message, error, fields);
  logAll.detail('connection opened', fields);
  const meter = connectionMeter(limits);

  /** The room once joined: its size sets how much may wait unsent. */
  let loaded: Room | null = null;
  const joined = registry.join(roomName, peer).then((room) => {
    loaded = room;
    peer.send(encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
    return room;
  });
  let queue: Promise<Room | null> = joined.catch((error: unknown) => {
    log('loading the room failed', error);
    closeFirmly(ws, CloseCode.serverError, 'room unavailable');
    return null;
  });

  ws.on('message', (data, isBinary) => {
    const frame = isBinary ? toBytes(data) : null;
    try {
      if (frame && !isRejected && answerPing(peer, frame, meter)) return;
    } catch (error) {
      isRejected = true;
      closeFirmly(ws, ...closingFor(error));
      return;
    }
    queue = queue.then(async (room) => {
      if (!room || isRejected) return room;
      try {
        if (!frame) throw new Error('text frame');
        const dropped = await handleMessage(room, peer, frame, meter);
        if (dropped) metrics.refused(dropped);
      } catch (error) {
        const refusal = refusalFor(error);
        if (refusal) sendRefusal(peer, refusal);
        isRejected = true;
        const [code, reason] = closingFor(error);
        metrics.refused(refusal ?? reason.replaceAll(' ', '-'));
        log(`${reason}, closing`, code === CloseCode.badMessage ? error : undefined);
        closeFirmly(ws, code, reason);
      }
      return room;
    });
  });

  // ws reports protocol violations (an oversized frame: 1009) here, then closes the socket;
  // without a listener the error would be thrown and take the whole process down.
  ws.on('error', (error) => log(error.message));

  ws.on('close', (code) => {
    logAll.detail('connection closed', { ...fields, code });
    void queue.then((room) => {
      if (!room) return;
      room.removePeer(peer);
      return registry.release(room);
    });
  });
}

/** The close code and reason for what went wrong with a frame. */
function closingFor(error: unknown): [number, string] {
  if (error instanceof AttributionError || error instanceof ForbiddenChangeError) {
    return [CloseCode.forbidden, 'not yours'];
  }
  if (error instanceof TooFastError) return [CloseCode.tooFast, 'too fast'];
  if (error instanceof DocumentFullError) return [CloseCode.documentFull, 'document full'];
  if (error instanceof StorageBackedUpError || error instanceof StorageTimeoutError) {
    return [CloseCode.tryAgainLater, 'storage unavailable'];
  }
  return [CloseCode.badMessage, 'bad message'];
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}
