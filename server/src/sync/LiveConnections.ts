import type { WebSocket } from 'ws';
import { CloseCode } from '@tandem/shared/protocol';
import { closeFirmly } from './closeFirmly';

/** Who is behind one open sync connection. */
export interface ConnectionOwner {
  accountId: string;
  memberId: string;
  sessionHash: string;
  sessionExpiresAt: number;
  /** The room the connection has open (`<partnershipId>/<document>`). */
  room: string;
}

/** setTimeout's longest delay (about 24.8 days); longer sessions are checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Every open sync connection and whose it is, so that removing a member, changing a role or
 * signing out takes effect on open connections at once, not at the next reconnect.
 */
export class LiveConnections {
  private readonly owners = new Map<WebSocket, { owner: ConnectionOwner; revoke: () => void }>();

  /**
   * Tracks a connection. `revoke` must stop the connection from applying any further frame;
   * it runs at the moment its access ends, before the close handshake starts.
   */
  add(ws: WebSocket, owner: ConnectionOwner, revoke: () => void): void {
    this.owners.set(ws, { owner, revoke });
    let timer: NodeJS.Timeout;
    // A session that expires ends its connections too, not only its HTTP calls.
    const closeAtExpiry = () => {
      const left = owner.sessionExpiresAt - Date.now();
      if (left <= 0) this.end(ws, CloseCode.unauthorized, 'session expired');
      else timer = setTimeout(closeAtExpiry, Math.min(left, MAX_TIMER_MS));
    };
    closeAtExpiry();
    ws.once('close', () => {
      clearTimeout(timer);
      this.owners.delete(ws);
    });
  }

  /**
   * Ends every connection whose owner matches, with `code`: from this call on none of its
   * frames is applied, and its socket is cut if the client ignores the close frame.
   */
  closeWhere(matches: (owner: ConnectionOwner) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const [ws, { owner }] of this.owners) {
      if (!matches(owner)) continue;
      this.end(ws, code, reason);
      closed++;
    }
    return closed;
  }

  private end(ws: WebSocket, code: number, reason: string): void {
    this.owners.get(ws)?.revoke();
    closeFirmly(ws, code, reason);
  }
}
