import type { WebSocket } from 'ws';

/** Who is behind one open sync connection. */
export interface ConnectionOwner {
  accountId: string;
  memberId: string;
  sessionHash: string;
}

/**
 * Every open sync connection and whose it is, so that removing a member, changing a role or
 * signing out takes effect on open connections at once, not at the next reconnect.
 */
export class LiveConnections {
  private readonly owners = new Map<WebSocket, ConnectionOwner>();

  add(ws: WebSocket, owner: ConnectionOwner): void {
    this.owners.set(ws, owner);
    ws.once('close', () => this.owners.delete(ws));
  }

  /** Closes every connection whose owner matches, with `code`. */
  closeWhere(matches: (owner: ConnectionOwner) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const [ws, owner] of this.owners) {
      if (!matches(owner)) continue;
      ws.close(code, reason);
      closed++;
    }
    return closed;
  }
}
