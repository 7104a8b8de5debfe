import type { DocumentStore, StoredDocument } from '../storage/DocumentStore';
import type { Peer } from './Peer';
import { Room, type RoomOptions } from './Room';

/**
 * The loaded rooms of this process. Concurrent loads of one room share one promise; a room is
 * compacted and unloaded once its last peer leaves (documents that never unload leak memory).
 */
/** How long a server task or a shutdown waits for storage before giving up. */
const SAVE_WAIT_MS = 5_000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Set<Room>();
  /** Unloads under way (a compaction and its automatic version): shutdown waits for them. */
  private readonly releasing = new Set<Promise<void>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
    /** The first content of a new document, if it has any (the agreement template). */
    private readonly seeder?: (name: string) => Promise<Uint8Array | null>,
  ) {}

  /** Adds the peer to the room, loading the room on first use. */
  async join(name: string, peer: Peer): Promise<Room> {
    for (;;) {
      const room = await this.open(name);
      // The room may have been unloaded while this peer waited for it: load it afresh.
      if (room.isDestroyed) continue;
      room.peers.add(peer);
      return room;
    }
  }

  /**
   * Runs `use` on the room, loaded for the purpose if nobody has it open, and resolves once
   * what it changed is stored (and so broadcast). The server's own edits go through here.
   */
  async withRoom<T>(name: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    let room: Room;
    do room = await this.open(name);
    while (room.isDestroyed);
    room.holders++;
    try {
      const result = await use(room);
      await room.savedWithin(SAVE_WAIT_MS);
      return result;
    } finally {
      room.holders--;
      void this.release(room);
    }
  }

  /** {@link withRoom} for several rooms at once, in the order given. */
  withRooms<T>(names: readonly string[], use: (rooms: Room[]) => T | Promise<T>): Promise<T> {
    const [first, ...rest] = names;
    if (first === undefined) return Promise.resolve(use([]));
    return this.withRoom(first, (room) => this.withRooms(rest, (others) => use([room, ...others])));
  }

  private open(name: string): Promise<Room> {
    let room = this.rooms.get(name);
    if (!room) {
      room = this.load(name);
      this.rooms.set(name, room);
      // A failed load must not stay cached: the next connection tries again.
      room.catch(() => this.rooms.delete(name));
    }
    return room;
  }

  /** Whether storing fails for a loaded room right now (a full disk, a lost database). */
  get isStorageFailing(): boolean {
    for (const room of this.loaded) if (room.isStoreFailing) return true;
    return false;
  }

  /** Resolves once every loaded room whose name starts with `prefix` has stored what it holds. */
  async savedWithin(prefix: string, ms: number): Promise<void> {
    const rooms = [...this.loaded].filter((room) => room.name.startsWith(prefix));
    await Promise.all(rooms.map((room) => room.savedWithin(ms)));
  }

  /** Number of rooms loaded or loading. */
  get size(): number {
    return this.rooms.size;
  }

  /** Unloads the room if nobody is in it any more; a peer that arrives meanwhile keeps it. */
  release(room: Room): Promise<void> {
    const releasing = this.unload(room);
    this.releasing.add(releasing);
    releasing.finally(() => this.releasing.delete(releasing)).catch(() => undefined); // the caller handles the rejection
    return releasing;
  }

  private async unload(room: Room): Promise<void> {
    if (room.isInUse) return;
    await room.compact().catch((error: unknown) => {
      this.options.log(`room ${room.name}: compaction before unload failed`, error);
    });
    if (room.isInUse || room.isDestroyed) return;
    // A failed compaction leaves updates in the log, from which the next load recovers them,
    // but only stored updates: keep the room while anything is still unsaved.
    await room.whenSaved();
    if (room.isInUse || room.isDestroyed) return;
    this.rooms.delete(room.name);
    this.loaded.delete(room);
    room.destroy();
  }

  /**
   * Stores everything and unloads every room (server shutdown). A room whose storing fails is
   * given up after a few seconds: what it could not store is still in its clients' copies.
   */
  async closeAll(): Promise<void> {
    // An unload under way finishes first: its compaction must not outlive the store.
    await Promise.allSettled(this.releasing);
    const rooms = await Promise.allSettled(this.rooms.values());
    await Promise.all(
      rooms.map(async (result) => {
        if (result.status !== 'fulfilled') return;
        const room = result.value;
        await room
          .savedWithin(SAVE_WAIT_MS)
          .then(() => room.compact())
          .catch((error: unknown) => {
            this.options.log(`room ${room.name}: storing on shutdown failed`, error);
          });
        room.destroy();
      }),
    );
    this.rooms.clear();
    this.loaded.clear();
  }

  private async load(name: string): Promise<Room> {
    let stored = await this.store.load(name);
    if (isEmpty(stored) && this.seeder) {
      // Seeded once, in the transaction that stores the document's first row: re-seeding on
      // every load, or by every client that sees it empty, would duplicate it (hocuspocus#344).
      const seed = await this.seeder(name);
      if (seed) {
        await this.store.seed(name, seed);
        stored = await this.store.load(name);
      }
    }
    const room = new Room(name, this.store, stored, this.options);
    this.loaded.add(room);
    await room.compactIfLong();
    return room;
  }
}

function isEmpty(stored: StoredDocument): boolean {
  return stored.snapshot === null && stored.updates.length === 0;
}
