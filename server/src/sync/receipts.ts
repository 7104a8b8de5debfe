import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, RefusalReason, TandemMessage } from '@tandem/shared/protocol';
import type { Peer } from '../rooms/Peer';
import {
  AttributionError,
  DocumentFullError,
  ForbiddenChangeError,
  type Room,
} from '../rooms/Room';
import { BadMessageError } from './errors';
import { type ConnectionMeter, TooFastError } from './limits';

/**
 * Tandem's own messages (shared/protocol.ts, TandemMessage): receipts for stored edits, the
 * reason an edit was refused, and a ping the client uses to notice a dead connection. Only a
 * client that said hello is sent any of them; a stock provider never is.
 */
export function handleTandemMessage(room: Room, peer: Peer, decoder: decoding.Decoder): void {
  const kind = decoding.readVarUint(decoder);
  switch (kind) {
    case TandemMessage.hello:
      if (peer.wantsReceipts) return;
      peer.wantsReceipts = true;
      peer.updateFrames = 0;
      return;
    default:
      throw new BadMessageError(`unknown Tandem message ${kind}`);
  }
}

/**
 * Answers a ping at once, ahead of the frames queued before it: it asks whether the connection
 * lives, not whether storage keeps up. False when the frame is not a ping.
 */
export function answerPing(peer: Peer, frame: Uint8Array, meter: ConnectionMeter): boolean {
  if (frame.length !== 2 || frame[0] !== MessageType.tandem || frame[1] !== TandemMessage.ping) {
    return false;
  }
  if (!meter.presence.take()) throw new TooFastError('pings');
  peer.send(encodeTandem(TandemMessage.pong));
  return true;
}

/** Counts an update frame from a peer that wants receipts; returns its number (0 otherwise). */
export function countUpdateFrame(peer: Peer): number {
  return peer.wantsReceipts ? ++peer.updateFrames : 0;
}

/**
 * Sends `stored n` once everything applied so far is stored. Receipts queued behind a later
 * one are skipped: the later one covers them.
 */
export function sendReceiptWhenStored(room: Room, peer: Peer, frame: number): void {
  if (!peer.wantsReceipts) return;
  room.afterStored(() => {
    if (frame !== peer.updateFrames) return;
    const encoder = startTandem(TandemMessage.stored);
    encoding.writeVarUint(encoder, frame);
    peer.send(encoding.toUint8Array(encoder));
  });
}

/** Tells a peer that wants receipts why its edit changed nothing. */
export function sendRefusal(peer: Peer, reason: RefusalReason): void {
  if (!peer.wantsReceipts) return;
  const encoder = startTandem(TandemMessage.refused);
  encoding.writeVarString(encoder, reason);
  peer.send(encoding.toUint8Array(encoder));
}

/** The refusal an error from applying an update stands for, if it is one. */
export function refusalFor(error: unknown): RefusalReason | null {
  if (error instanceof AttributionError || error instanceof ForbiddenChangeError) {
    return RefusalReason.rules;
  }
  if (error instanceof DocumentFullError) return RefusalReason.documentFull;
  return null;
}

function startTandem(kind: TandemMessage): encoding.Encoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.tandem);
  encoding.writeVarUint(encoder, kind);
  return encoder;
}

function encodeTandem(kind: TandemMessage): Uint8Array {
  return encoding.toUint8Array(startTandem(kind));
}
