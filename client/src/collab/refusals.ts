import type { RefusalReason } from '@tandem/shared/protocol';

/** The latest edit the server refused, in any open room, until the person dismisses it. */
export interface Refusal {
  reason: RefusalReason;
  /** Which document (the room name). */
  room: string;
  at: number;
}

let latest: Refusal | null = null;
const listeners = new Set<() => void>();

export function reportRefusal(room: string, reason: RefusalReason): void {
  latest = { reason, room, at: Date.now() };
  for (const listener of listeners) listener();
}

export function dismissRefusal(): void {
  latest = null;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribeRefusals(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const latestRefusal = (): Refusal | null => latest;
