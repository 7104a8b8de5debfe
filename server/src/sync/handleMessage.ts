import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { writesOf } from '@tandem/shared/doc/writes';
import { MessageType, type RefusalReason } from '@tandem/shared/protocol';
import { encodeAwareness, encodeSyncStep2 } from '../rooms/messages';
import type { Peer } from '../rooms/Peer';
import type { Room } from '../rooms/Room';
import { BadMessageError } from './errors';
import { type ConnectionMeter, TooFastError } from './limits';
import {
  countUpdateFrame,
  handleTandemMessage,
  sendReceiptWhenStored,
  sendRefusal,
} from './receipts';

/** How long a sync answer waits for storage before the connection gives up. */
const SAVE_WAIT_MS = 5_000;

/** The largest presence state one connection may publish. */
const MAX_PRESENCE_BYTES = 4 * 1024;

/**
 * The entries of an awareness update that the peer may set: only its own clientID, bound on
 * first use to one that no other connection controls and that no other member introduced in
 * the document. A stock provider echoes the states it receives, so other entries are dropped,
 * not punished. The name in the state is replaced by the member's real one. Null when nothing
 * is left; throws on a state over 4 KiB or one that is not JSON.
 */
function ownAwareness(room: Room, peer: Peer, update: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const kept: { client: number; clock: number; state: string }[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > MAX_PRESENCE_BYTES || Buffer.byteLength(state) > MAX_PRESENCE_BYTES) {
      throw new BadMessageError('presence state over 4 KiB');
    }
    if (peer.presenceClient === null && isClaimable(room, peer, client)) {
      peer.presenceClient = client;
    }
    if (client !== peer.presenceClient) continue;
    kept.push({ client, clock, state: withRealName(state, peer.name) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { client, clock, state } of kept) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function isClaimable(room: Room, peer: Peer, client: number): boolean {
  for (const other of room.peers) {
    if (other !== peer && (other.awarenessIds.has(client) || other.presenceClient === client)) {
      return false;
    }
  }
  const owner = room.clientOwner(client);
  return owner === undefined || owner === peer.memberId;
}

/** The state with `user.name` set to the member's real name (`null`, a departure, stays). */
function withRealName(state: string, name: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    throw new BadMessageError('presence state is not JSON');
  }
  if (parsed === null) return state;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadMessageError('presence state is not an object');
  }
  const user: unknown = (parsed as Record<string, unknown>).user;
  if (user === undefined) return state;
  const shown = typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {};
  return JSON.stringify({ ...parsed, user: { ...shown, name } });
}

/**
 * Handles one frame from a peer. Throws on anything malformed (random bytes, truncation, an
 * unknown type); nothing in the room changes in that case. Returns the reason when an update
 * was dropped without closing (a reader's edit).
 */
export async function handleMessage(
  room: Room,
  peer: Peer,
  data: Uint8Array,
  meter: ConnectionMeter,
): Promise<RefusalReason | void> {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return handleSync(room, peer, decoder, meter);
    case MessageType.awareness: {
      if (!meter.presence.take()) throw new TooFastError('presence');
      const update = ownAwareness(room, peer, decoding.readVarUint8Array(decoder));
      if (update) awarenessProtocol.applyAwarenessUpdate(room.awareness, update, peer);
      return;
    }
    case MessageType.tandem:
      return handleTandemMessage(room, peer, decoder);
    case MessageType.queryAwareness:
      if (!meter.presence.take()) throw new TooFastError('presence queries');
      peer.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
      return;
    default:
      throw new BadMessageError(`unknown message type ${type}`);
  }
}

async function handleSync(
  room: Room,
  peer: Peer,
  decoder: decoding.Decoder,
  meter: ConnectionMeter,
): Promise<RefusalReason | void> {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      // Each answer may hold the whole document: a few per connection, not a stream.
      if (!meter.stateRequests.take()) throw new TooFastError('state requests');
      const stateVector = decoding.readVarUint8Array(decoder);
      // Answer only with stored state: a peer must never receive what a crash could lose.
      await room.savedWithin(SAVE_WAIT_MS);
      peer.send(encodeSyncStep2(room.doc, stateVector));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      if (!meter.updates.take() || !meter.updateBytes.take(update.length)) {
        throw new TooFastError('updates');
      }
      const frame = countUpdateFrame(peer);
      if (!peer.canEdit) {
        // A reader's sync step 2 carries only what the server has: nothing to refuse.
        if (changesNothing(room, update)) return sendReceiptWhenStored(room, peer, frame);
        tellReadOnlyOnce(peer);
        return peer.readOnlyReason;
      }
      room.applyPeerUpdate(peer, update);
      sendReceiptWhenStored(room, peer, frame);
      return;
    }
    default:
      throw new BadMessageError(`unknown sync message type ${syncType}`);
  }
}

/** Whether an update adds no content and deletes nothing the document still has. */
function changesNothing(room: Room, update: Uint8Array): boolean {
  try {
    return writesOf(room.doc, update).length === 0;
  } catch {
    return false; // unreadable, or deletes what the server lacks: a change it cannot take
  }
}

const toldReadOnly = new WeakSet<Peer>();

/**
 * Updates from a reader are dropped; the peer hears why once: a Tandem client as a refusal (it
 * returns to the server's state), a stock provider as a y-protocols auth message.
 */
function tellReadOnlyOnce(peer: Peer): void {
  if (toldReadOnly.has(peer)) return;
  toldReadOnly.add(peer);
  if (peer.wantsReceipts) return sendRefusal(peer, peer.readOnlyReason);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, 'read-only');
  peer.send(encoding.toUint8Array(encoder));
}
