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

/**
 * Which connections to end: every field given must match. Plain data, so that a cluster can
 * send it to every node (ControlBus).
 */
export interface ConnectionSelector {
  memberId?: string;
  sessionHashes?: readonly string[];
  rooms?: readonly string[];
  /** Rooms of a partnership: `<partnershipId>/`. */
  roomPrefix?: string;
}

/** A selector's connections to end, with the close code and reason. */
export interface CloseOrder {
  selector: ConnectionSelector;
  code: number;
  reason: string;
}

/** Carries close orders to every other node of a cluster (cluster/RedisCluster.ts). */
export interface ControlBus {
  publish(order: CloseOrder): void;
  /** Orders other nodes published. */
  onOrder(handler: (order: CloseOrder) => void): void;
}

function matches(selector: ConnectionSelector, owner: ConnectionOwner): boolean {
  const { memberId, sessionHashes, rooms, roomPrefix } = selector;
  return (
    (memberId === undefined || owner.memberId === memberId) &&
    (sessionHashes === undefined || sessionHashes.includes(owner.sessionHash)) &&
    (rooms === undefined || rooms.includes(owner.room)) &&
    (roomPrefix === undefined || owner.room.startsWith(roomPrefix))
  );
}

/** setTimeout's longest delay (about 24.8 days); longer sessions are checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Every open sync connection and whose it is, so that removing a member, changing a role or
 * signing out takes effect on open connections at once, not at the next reconnect.
 */
export class LiveConnections {
  private readonly owners = new Map<WebSocket, { owner: ConnectionOwner; revoke: () => void }>();
  /** Open connections per member, per room. */
  private readonly perMember = new Map<string, Map<string, number>>();

  /** With a bus, every close order also reaches the connections other nodes hold. */
  constructor(private readonly bus: ControlBus | null = null) {
    bus?.onOrder((order) => this.closeHere(order));
  }

  /**
   * Tracks a connection. `revoke` must stop the connection from applying any further frame;
   * it runs at the moment its access ends, before the close handshake starts.
   */
  add(ws: WebSocket, owner: ConnectionOwner, revoke: () => void): void {
    this.owners.set(ws, { owner, revoke });
    this.countIn(owner, 1);
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
      this.countIn(owner, -1);
    });
  }

  /** How many connections a member has open, in all rooms and in `room`. */
  countOf(memberId: string, room: string): { all: number; inRoom: number } {
    const rooms = this.perMember.get(memberId);
    let all = 0;
    for (const n of rooms?.values() ?? []) all += n;
    return { all, inRoom: rooms?.get(room) ?? 0 };
  }

  private countIn({ memberId, room }: ConnectionOwner, change: 1 | -1): void {
    const rooms = this.perMember.get(memberId) ?? new Map<string, number>();
    const n = (rooms.get(room) ?? 0) + change;
    if (n > 0) rooms.set(room, n);
    else rooms.delete(room);
    if (rooms.size > 0) this.perMember.set(memberId, rooms);
    else this.perMember.delete(memberId);
  }

  /**
   * Ends every connection the selector matches, on this node and (with a bus) on every other,
   * with `code`: from this call on none of its frames is applied, and its socket is cut if the
   * client ignores the close frame. Resolves to how many this node closed.
   */
  closeWhere(selector: ConnectionSelector, code: number, reason: string): number {
    this.bus?.publish({ selector, code, reason });
    return this.closeHere({ selector, code, reason });
  }

  private closeHere({ selector, code, reason }: CloseOrder): number {
    let closed = 0;
    for (const [ws, { owner }] of this.owners) {
      if (!matches(selector, owner)) continue;
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
