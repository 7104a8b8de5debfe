/**
 * The sync protocol: the standard y-websocket framing, plus Tandem's constants around it.
 * Client and server both import from here, so the two ends cannot drift apart.
 */

/** First varuint of every WebSocket frame, as in y-websocket. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Tandem's own messages (see TandemMessage); sent only to a client that said hello. */
  tandem: 100,
} as const;
/** One of the y-websocket message types. */
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes the sync server uses. Deliberate refusals are 4000 + the HTTP status (a stock
 * y-websocket provider stops reconnecting on 4400–4499); an oversized frame gets the standard 1009.
 */
export const CloseCode = {
  /** A frame exceeded the configured size limit (`MAX_MESSAGE_BYTES`). */
  tooLarge: 1009,
  /** Something failed on the server; clients reconnect. */
  serverError: 1011,
  /** The server is restarting; clients reconnect. */
  restarting: 1012,
  /** The connection did not read what the server sent fast enough; clients reconnect. */
  tryAgainLater: 1013,
  /** The member's rights changed (a new role); reconnect to get the new ones. */
  rightsChanged: 4001,
  /** A frame could not be decoded (random bytes, truncated or malformed sync message). */
  badMessage: 4400,
  /** No valid session. */
  unauthorized: 4401,
  /** The session may not open this document. */
  forbidden: 4403,
  /** The room name names no document. */
  notFound: 4404,
  /** The change would take the document past its size cap; the client stops (it would re-send it). */
  documentFull: 4413,
  /**
   * Too many changes, presence messages or connections at once; clients reconnect later. In
   * 4000–4099 like rightsChanged, because a stock provider stops reconnecting on 4400–4499.
   */
  tooFast: 4029,
} as const;
/** One of the sync server's close codes. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** URL path prefix of the sync endpoint: `ws://host/sync/<partnershipId>/<document>`. */
export const SYNC_PATH = '/sync';

/**
 * Default limit for one WebSocket frame, in bytes (1 MiB): typing sends a few bytes, pasting a
 * long clause a few KiB, and a client that was offline sends only what the server lacks.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Tandem's messages, after `MessageType.tandem` and this kind (varuints). A stock y-websocket
 * provider never says hello, so it is never sent any of them (it would log an error).
 *
 * - `hello` (client → server): this client wants receipts and refusals on this connection.
 * - `ping` (client → server), answered by `pong`: the client knows within seconds that the
 *   connection is gone, whatever the browser's own timeouts.
 * - `stored` (server → client), then a varuint n: the first n update frames (sync step 2 or
 *   update) this connection sent since hello are stored, with everything applied before them.
 * - `refused` (server → client), then a string, one of RefusalReason: an update frame changed
 *   nothing and never will; the client returns to the server's state.
 */
export const TandemMessage = {
  hello: 0,
  ping: 1,
  pong: 2,
  stored: 3,
  refused: 4,
} as const;
export type TandemMessage = (typeof TandemMessage)[keyof typeof TandemMessage];

/** Why the server refused an edit; each is a key under `common:refusal`. */
export const RefusalReason = {
  /** The member may only read this document. */
  readOnly: 'readOnly',
  /** Signing is under way: the agreement's text is frozen. */
  signing: 'signing',
  /** Both schools signed: only an amendment changes the agreement. */
  signed: 'signed',
  /** The change breaks the document's rules (another school's part, someone else's comment). */
  rules: 'rules',
  /** The change would take the document past its size cap. */
  documentFull: 'documentFull',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

export const isRefusalReason = (value: string): value is RefusalReason =>
  Object.values<string>(RefusalReason).includes(value);

/** How often a Tandem client pings, and how long it waits for any message before giving up. */
export const PING_INTERVAL_MS = 1_500;
export const SILENCE_LIMIT_MS = 4_000;
