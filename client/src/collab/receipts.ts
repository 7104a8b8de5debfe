import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  isRefusalReason,
  MessageType,
  PING_INTERVAL_MS,
  type RefusalReason,
  SILENCE_LIMIT_MS,
  TandemMessage,
} from '@tandem/shared/protocol';

/** What the server said about this tab's edits (shared/protocol.ts, TandemMessage). */
export interface Receipts {
  /** Every edit made in this tab, and every edit its local copy held, is stored on the server. */
  readonly isStored: boolean;
  /** Called when isStored changes, and with the reason when the server refused an edit. */
  onChange(listener: () => void): () => void;
  onRefused(listener: (reason: RefusalReason) => void): () => void;
  stop(): void;
}

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Whether a frame the provider sends carries document content (sync step 2 or an update). */
function isUpdateFrame(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : null;
  return bytes?.[0] === MessageType.sync && (bytes[1] === SYNC_STEP_2 || bytes[1] === SYNC_UPDATE);
}

function tandemFrame(kind: TandemMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.tandem);
  encoding.writeVarUint(encoder, kind);
  return encoding.toUint8Array(encoder);
}

/**
 * Says hello on every connection, counts the update frames the provider sends on it, and
 * reads the server's receipts: an edit is saved when the frame that carried it is stored. An
 * edit made while disconnected travels in the next connection's sync step 2. Pings keep the
 * connection honest: with no message for SILENCE_LIMIT_MS (or the browser going offline) the
 * connection is dropped and the provider reconnects, so "offline" shows within seconds.
 */
export function trackReceipts(doc: Y.Doc, provider: WebsocketProvider): Receipts {
  const changeListeners = new Set<() => void>();
  const refusalListeners = new Set<(reason: RefusalReason) => void>();
  /** Update frames sent and acknowledged on the current connection. */
  let sent = 0;
  let stored = 0;
  /** The frame that carries this tab's latest edit, on the current connection. */
  let required: number | null = null;
  /** An edit waits for the next connection's sync step 2. */
  let hasUnsent = false;
  let wasStored = true;

  const isStored = () => !hasUnsent && (required === null || stored >= required);
  const changed = () => {
    const now = isStored();
    if (now === wasStored) return;
    wasStored = now;
    for (const listener of changeListeners) listener();
  };

  provider.messageHandlers[MessageType.tandem] = (_encoder, decoder) => {
    const kind = decoding.readVarUint(decoder);
    if (kind === TandemMessage.stored) {
      stored = Math.max(stored, decoding.readVarUint(decoder));
      changed();
    } else if (kind === TandemMessage.refused) {
      const reason = decoding.readVarString(decoder);
      if (isRefusalReason(reason)) for (const listener of refusalListeners) listener(reason);
    }
  };

  const onStatus = ({ status }: { status: string }) => {
    const ws = provider.ws;
    if (status === 'connected' && ws) {
      sent = 0;
      stored = 0;
      // Emitted before the provider's own sync step 1: hello is the connection's first frame.
      ws.send(tandemFrame(TandemMessage.hello));
      const send = ws.send.bind(ws);
      ws.send = (data) => {
        send(data);
        if (!isUpdateFrame(data)) return;
        sent++;
        // The sync step 2 carries whatever the server lacks, edits made offline included.
        if (hasUnsent && (data as Uint8Array)[1] === SYNC_STEP_2) {
          hasUnsent = false;
          required = sent;
        }
      };
    } else if (status === 'disconnected') {
      if (!isStored()) hasUnsent = true;
      required = null;
    }
    changed();
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    // The provider's own listener ran first: if connected, it has just sent this edit.
    if (provider.wsconnected) required = sent;
    else hasUnsent = true;
    changed();
  };

  const dropIfSilent = () => {
    if (!provider.wsconnected) return;
    if (Date.now() - provider.wsLastMessageReceived <= SILENCE_LIMIT_MS) return;
    provider.disconnect();
    provider.connect();
  };
  const ping = setInterval(() => {
    if (provider.wsconnected) provider.ws?.send(tandemFrame(TandemMessage.ping));
  }, PING_INTERVAL_MS);
  const watch = setInterval(dropIfSilent, 500);
  const onOffline = () => {
    if (!provider.wsconnected) return;
    provider.disconnect();
    provider.connect();
  };

  provider.on('status', onStatus);
  doc.on('update', onUpdate);
  window.addEventListener('offline', onOffline);
  return {
    get isStored() {
      return isStored();
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onRefused(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },
    stop() {
      clearInterval(ping);
      clearInterval(watch);
      window.removeEventListener('offline', onOffline);
      provider.off('status', onStatus);
      doc.off('update', onUpdate);
      changeListeners.clear();
      refusalListeners.clear();
    },
  };
}
