import crypto from 'node:crypto';
import * as Y from 'yjs';
import { parseRoomName } from '@tandem/shared/doc/documents';
import type { VersionInfo, VersionKind, VersionStore } from '../storage/VersionStore';
import type { Room } from '../rooms/Room';
import { versionsToThin } from './versionRetention';

/** While people keep editing, an automatic version about this often (and no more often). */
export const AUTO_INTERVAL_MS = 10 * 60_000;

/**
 * The agreement's versions: kept automatically when its room compacts (while people edit,
 * after every ten minutes of editing, and when the last one leaves), by name on request, and
 * just before every restore.
 */
export class AgreementVersions {
  /** When each loaded agreement room next compacts for a version, if edited by then. */
  private readonly dueAt = new WeakMap<Room, number>();

  constructor(readonly store: VersionStore) {}

  /**
   * Called after a room's updates are stored: an agreement edited for ten minutes since it was
   * loaded or last versioned this way compacts, which keeps an automatic version. One clock
   * read and a map lookup per stored batch.
   */
  readonly afterStored = (room: Room): void => {
    if (!room.name.endsWith('/agreement')) return;
    const now = Date.now();
    const due = this.dueAt.get(room);
    if (due !== undefined && now < due) return;
    this.dueAt.set(room, now + AUTO_INTERVAL_MS);
    if (due === undefined) return;
    // On failure, the next batch stored after another interval tries again.
    room.compact().catch(() => undefined);
  };

  /** Keeps the room's current state as a version, then thins older ones (versionRetention). */
  async keep(
    room: Room,
    kind: VersionKind,
    name: string | null,
    by: string | null,
  ): Promise<VersionInfo> {
    const state = Y.encodeStateAsUpdate(room.doc);
    const info: VersionInfo = {
      id: crypto.randomUUID(),
      kind,
      name,
      createdBy: by,
      createdAt: Date.now(),
      stateHash: crypto.createHash('sha256').update(state).digest('hex'),
      bytes: state.length,
    };
    await this.store.add(room.name, info, state);
    const thinned = versionsToThin(await this.store.list(room.name), Date.now());
    if (thinned.length > 0) await this.store.remove(room.name, thinned);
    return info;
  }

  /** Called after a room compacts: keeps an automatic version of a changed agreement. */
  readonly afterCompact = async (room: Room): Promise<void> => {
    if (parseRoomName(room.name)?.document !== 'agreement') return;
    const latest = await this.store.latest(room.name);
    const state = Y.encodeStateAsUpdate(room.doc);
    const hash = crypto.createHash('sha256').update(state).digest('hex');
    if (latest?.stateHash === hash) return;
    const isRecent = latest !== null && Date.now() - latest.createdAt < AUTO_INTERVAL_MS;
    // The last person left: always keep what they leave behind.
    if (isRecent && room.isInUse) return;
    await this.keep(room, 'auto', null, null);
  };
}
