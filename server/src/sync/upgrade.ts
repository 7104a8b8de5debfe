import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { type RoomName, formatRoomName, parseRoomName } from '@tandem/shared/doc/documents';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { CloseCode, SYNC_PATH } from '@tandem/shared/protocol';
import { closeFirmly } from './closeFirmly';
import { type ConnectionContext, type SyncAccess, attachConnection } from './connection';

/**
 * Decides whether a WebSocket upgrade may open a room, and with which rights. Throws an
 * AppError (UNAUTHORIZED, FORBIDDEN…) to refuse.
 */
export type Authorize = (request: IncomingMessage, room: RoomName) => Promise<SyncAccess>;

/**
 * Routes `/sync/<partnershipId>/<document>` upgrades through `authorize` into a room. A refusal
 * completes the handshake and closes with 4000 + the HTTP status (4401, 4403, 4404): a browser
 * cannot read an HTTP refusal, and a stock provider stops retrying on these codes.
 */
export function createUpgradeHandler(
  wss: WebSocketServer,
  authorize: Authorize,
  context: ConnectionContext,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    // A client that vanishes mid-handshake must not take the process down.
    socket.on('error', () => socket.destroy());
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(`${SYNC_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const room = parseRoomName(pathname.slice(SYNC_PATH.length + 1));
    const access = room
      ? authorize(request, room)
      : Promise.reject(new AppError(ErrorCode.NOT_FOUND, 'No such document.'));
    access.then(
      (granted) => {
        const { limits, connections } = context;
        const open = connections.countOf(granted.owner.memberId, granted.owner.room);
        if (
          open.all >= limits.connectionsPerMember ||
          open.inRoom >= limits.connectionsPerMemberRoom
        ) {
          wss.handleUpgrade(request, socket, head, (ws) => {
            closeFirmly(ws, CloseCode.tooFast, 'too many connections');
          });
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          wss.emit('connection', ws, request);
          attachConnection(ws, formatRoomName(room as RoomName), granted, context);
        });
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) context.log('authorizing an upgrade failed', error);
        const refusal =
          error instanceof AppError ? error : new AppError(ErrorCode.INTERNAL, 'Try again.');
        wss.handleUpgrade(request, socket, head, (ws) => {
          closeFirmly(ws, 4000 + refusal.status, refusal.code);
        });
      },
    );
  };
}
