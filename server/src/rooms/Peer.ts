import type { Side } from '@tandem/shared/people';
import type { RefusalReason } from '@tandem/shared/protocol';

/** What a room knows of one connection. The WebSocket itself stays in connection.ts. */
export interface Peer {
  /** Process-unique id, for logs. */
  readonly id: number;
  /** The member behind the connection (`null` until accounts exist). */
  readonly memberId: string | null;
  /** Whether the connection may change the document; checked by the room on every update. */
  readonly canEdit: boolean;
  /** Why it may not, told to a client that asked for receipts. */
  readonly readOnlyReason: RefusalReason;
  /** In a threads room: whether the member edits the discussed document (decides proposals). */
  readonly mayDecide: boolean;
  /** In a threads room: whether new proposals may be made (not while the agreement is frozen). */
  readonly mayPropose: boolean;
  /** The member's school, and that school's language (the agreement column it writes). */
  readonly side: Side;
  readonly language: string;
  /** The member's real name: presence always shows it, whatever the client claims. */
  readonly name: string;
  /** Awareness client ids this connection introduced; removed when it closes. */
  readonly awarenessIds: Set<number>;
  /** The one awareness clientID this connection may set, bound on first use. */
  presenceClient: number | null;
  /** The client said hello: it is sent receipts and refusals (TandemMessage). */
  wantsReceipts: boolean;
  /** Update frames received since hello: the number a `stored` receipt counts up to. */
  updateFrames: number;
  send(message: Uint8Array): void;
}
