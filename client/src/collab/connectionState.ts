import { CloseCode } from '@tandem/shared/protocol';

/** What a person sees about their connection; each is a key under `common:connection`. */
export const ConnectionState = {
  connecting: 'connecting',
  syncing: 'syncing',
  saving: 'saving',
  connected: 'connected',
  offlineSaving: 'offlineSaving',
  offlineSaved: 'offlineSaved',
  offline: 'offline',
  tooLarge: 'tooLarge',
  documentFull: 'documentFull',
  throttled: 'throttled',
  serverBusy: 'serverBusy',
  refused: 'refused',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

/** The facts the provider and the local copy report. */
export interface ConnectionFacts {
  status: 'connecting' | 'connected' | 'disconnected';
  /** The provider finished its sync with the server on this connection. */
  isSynced: boolean;
  /** The server's receipts cover every edit made here (receipts.ts). */
  isStored: boolean;
  /** The IndexedDB copy has loaded, so edits are kept on this device. */
  isSavedLocally: boolean;
  /** Some edits are not yet committed to the IndexedDB copy. */
  isSavingLocally: boolean;
  /** A connection attempt failed since the last successful sync. */
  hasFailed: boolean;
  /** The close code that ended syncing for good, if any. */
  finalCloseCode: number | null;
  /** The close code of the last connection that ended, until the next sync. */
  lastCloseCode: number | null;
}

/** Close codes after which the provider reconnects, and what the person is told meanwhile. */
const PASSING: Partial<Record<number, ConnectionState>> = {
  [CloseCode.tooFast]: ConnectionState.throttled,
  [CloseCode.tryAgainLater]: ConnectionState.serverBusy,
};

/** Derives the state shown to the person from the provider's facts. */
export function deriveConnectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.finalCloseCode === CloseCode.tooLarge) return ConnectionState.tooLarge;
  if (facts.finalCloseCode === CloseCode.documentFull) return ConnectionState.documentFull;
  if (facts.finalCloseCode !== null) return ConnectionState.refused;
  if (facts.status === 'connected' && facts.isSynced) {
    return facts.isStored ? ConnectionState.connected : ConnectionState.saving;
  }
  const passing = facts.lastCloseCode === null ? undefined : PASSING[facts.lastCloseCode];
  if (passing) return passing;
  if (facts.status === 'connected') return ConnectionState.syncing;
  if (!facts.hasFailed) return ConnectionState.connecting;
  if (!facts.isSavedLocally) return ConnectionState.offline;
  return facts.isSavingLocally ? ConnectionState.offlineSaving : ConnectionState.offlineSaved;
}

/** Whether closing the page now could lose edits: neither the server nor this device has them. */
export function isAtRisk(facts: ConnectionFacts): boolean {
  if (facts.isSavingLocally) return true;
  return facts.status !== 'connected' && !facts.isSavedLocally;
}

/** Whether the state calls for attention (shown as an alert to screen readers). */
export function isProblem(state: ConnectionState): boolean {
  return (
    state === ConnectionState.tooLarge ||
    state === ConnectionState.documentFull ||
    state === ConnectionState.refused
  );
}
