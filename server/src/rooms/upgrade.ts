import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { type RoomName, formatRoomName, parseRoomName } from '@tandem/shared/doc/documents';
import { AppError, ErrorCode, type ErrorBody } from '@tandem/shared/errors';
import { SYNC_PATH } from '@tandem/shared/protocol';
import { type ConnectionContext, type SyncAccess, attachConnection } from './connection';

/**
 * Decides whether a WebSocket upgrade may open a room, and with which rights. Throws an
 * AppError (UNAUTHORIZED, FORBIDDEN…) to refuse; the refusal is answered with that status.
 */
export type Authorize = (request: IncomingMessage, room: RoomName) => Promise<SyncAccess>;

/** Routes `/sync/<partnershipId>/<document>` upgrades through `authorize` into a room. */
export function createUpgradeHandler(
  wss: WebSocketServer,
  authorize: Authorize,
  context: ConnectionContext,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    // A client that vanishes mid-handshake must not take the process down.
    socket.on('error', () => socket.destroy());
    const room = roomOf(request);
    if (!room) {
      refuse(socket, new AppError(ErrorCode.NOT_FOUND, 'No such document.'));
      return;
    }
    authorize(request, room).then(
      (access) => {
        wss.handleUpgrade(request, socket, head, (ws) => {
          wss.emit('connection', ws, request);
          attachConnection(ws, formatRoomName(room), access, context);
        });
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) context.log('authorizing an upgrade failed', error);
        refuse(
          socket,
          error instanceof AppError ? error : new AppError(ErrorCode.INTERNAL, 'Try again.'),
        );
      },
    );
  };
}

function roomOf(request: IncomingMessage): RoomName | null {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const prefix = `${SYNC_PATH}/`;
  if (!url.pathname.startsWith(prefix)) return null;
  return parseRoomName(url.pathname.slice(prefix.length));
}

function refuse(socket: Duplex, error: AppError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
}
