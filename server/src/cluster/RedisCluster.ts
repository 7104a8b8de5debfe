import crypto from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createClient, type RedisClientType } from 'redis';
import type { Claim, RelayHandlers, RoomRelay } from '../rooms/RoomRelay';
import type { CloseOrder, ControlBus } from '../sync/LiveConnections';

/** One node's link to the others through Redis pub/sub. */
export interface Cluster {
  /** This node's id in every message it publishes (messages from itself are ignored). */
  readonly node: string;
  readonly relay: RoomRelay;
  readonly control: ControlBus;
  /** For limits shared by every node (auth/rateLimit.ts, rate-limiter-flexible). */
  readonly client: RedisClientType;
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

const DOC_CHANNEL = 'tandem:doc:';
const CONTROL_CHANNEL = 'tandem:control';
const STORED = 0;
const PRESENCE = 1;
/** A node subscribed to the room: the others publish their peers' presence. */
const PRESENCE_QUERY = 2;

function encodeStored(
  node: string,
  first: number,
  last: number,
  update: Uint8Array,
  claims: readonly Claim[],
) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, STORED);
  encoding.writeVarString(encoder, node);
  encoding.writeVarUint(encoder, first);
  encoding.writeVarUint(encoder, last);
  encoding.writeVarUint8Array(encoder, update);
  encoding.writeVarUint(encoder, claims.length);
  for (const [client, memberId] of claims) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarString(encoder, memberId);
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

function encodePresence(node: string, message: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, PRESENCE);
  encoding.writeVarString(encoder, node);
  encoding.writeVarUint8Array(encoder, message);
  return Buffer.from(encoding.toUint8Array(encoder));
}

function encodeQuery(node: string) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, PRESENCE_QUERY);
  encoding.writeVarString(encoder, node);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Hands a message from another node to the room's handlers; a malformed one is dropped. */
function dispatch(node: string, raw: Buffer, handlers: RelayHandlers): void {
  const decoder = decoding.createDecoder(new Uint8Array(raw));
  const kind = decoding.readVarUint(decoder);
  if (decoding.readVarString(decoder) === node) return;
  if (kind === PRESENCE) return handlers.onPresence(decoding.readVarUint8Array(decoder));
  if (kind === PRESENCE_QUERY) return handlers.onPresenceQuery();
  if (kind !== STORED) return;
  const first = decoding.readVarUint(decoder);
  const last = decoding.readVarUint(decoder);
  const update = decoding.readVarUint8Array(decoder);
  const claims: Claim[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    claims.push([decoding.readVarUint(decoder), decoding.readVarString(decoder)]);
  }
  handlers.onStored(first, last, update, claims);
}

/**
 * Several Tandem nodes in step through Redis (`REDIS_URL`): stored updates with their sequence
 * numbers, presence, and close orders (a removed member, a sign-out, a freeze) reach every
 * node. Redis keeps nothing: PostgreSQL has every update, and a node that misses a message
 * reads the gap from it (Room.catchUp), also after Redis comes back.
 */
export async function connectCluster(
  url: string,
  log: (message: string, error?: unknown) => void,
): Promise<Cluster> {
  const node = crypto.randomBytes(8).toString('hex');
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // node-redis reconnects by itself and reports every failed attempt: one line per outage.
  let isDown = false;
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: unknown) => {
      if (!isDown) log('redis: connection lost, reconnecting', error);
      isDown = true;
    });
    client.on('ready', () => {
      if (isDown) log('redis: connected again');
      isDown = false;
    });
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const rooms = new Map<string, RelayHandlers>();
  // Connected already: a later 'ready' is Redis coming back, and messages sent meanwhile are
  // gone, so every room reads what it missed.
  subscriber.on('ready', () => {
    for (const handlers of rooms.values()) handlers.onResync();
  });
  const publish = (channel: string, message: Buffer | string) => {
    publisher.publish(channel, message).catch((error: unknown) => {
      log(`redis: publishing on ${channel} failed`, error);
    });
  };
  const orderHandlers: ((order: CloseOrder) => void)[] = [];
  await subscriber.subscribe(CONTROL_CHANNEL, (message) => {
    try {
      const parsed = JSON.parse(message) as { node: string; order: CloseOrder };
      if (parsed.node === node) return;
      for (const handler of orderHandlers) handler(parsed.order);
    } catch (error) {
      log('redis: a malformed control message', error);
    }
  });

  const relay: RoomRelay = {
    publishStored: (room, first, last, update, claims) =>
      publish(DOC_CHANNEL + room, encodeStored(node, first, last, update, claims)),
    publishPresence: (room, message) => publish(DOC_CHANNEL + room, encodePresence(node, message)),
    subscribe(room, handlers) {
      rooms.set(room, handlers);
      const listener = (message: Buffer) => {
        try {
          dispatch(node, message, handlers);
        } catch (error) {
          log(`redis: a malformed message for ${room}`, error);
        }
      };
      subscriber.subscribe(DOC_CHANNEL + room, listener, true).then(
        () => {
          // Subscribed only now: what the others stored or set before is read or asked for.
          if (rooms.get(room) !== handlers) return;
          handlers.onResync();
          publish(DOC_CHANNEL + room, encodeQuery(node));
        },
        (error: unknown) => log(`redis: subscribing to ${room} failed`, error),
      );
      return () => {
        rooms.delete(room);
        subscriber.unsubscribe(DOC_CHANNEL + room, listener, true).catch(() => undefined);
      };
    },
  };

  return {
    node,
    client: publisher,
    relay,
    control: {
      publish: (order) => publish(CONTROL_CHANNEL, JSON.stringify({ node, order })),
      onOrder: (handler) => orderHandlers.push(handler),
    },
    isReachable: () =>
      publisher.ping().then(
        () => true,
        () => false,
      ),
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
