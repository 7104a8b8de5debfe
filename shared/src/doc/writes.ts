import * as Y from 'yjs';

/**
 * What an update does to a document, read from its structs without applying it (and without
 * copying the document): every value it writes and every value it deletes, each with its path
 * from the top-level type. The server's write rules (writeRules.ts) judge these.
 */

/** A path segment for a position in a sequence (an array, a fragment, a text). */
export const AT = '#';

/** The kind of value written: a shared type, or a plain value. */
export type WrittenValue =
  | { kind: 'map' | 'array' | 'text' | 'xmlFragment' | 'xmlElement' | 'xmlText' | 'other' }
  | { kind: 'value'; value: unknown }
  | { kind: 'deleted' };

export interface Write {
  /** Segments from the top-level type's name: map keys, or AT for a sequence position. */
  path: readonly string[];
  isDelete: boolean;
  value: WrittenValue;
  /** The container written into was created by this same update. */
  isInNewContainer: boolean;
  /** The container as it is in the document (null when new): to read its other fields. */
  container: unknown;
}

/** An update this module cannot judge safely: it would not integrate at once. */
export class UnreadableUpdateError extends Error {
  override readonly name = 'UnreadableUpdateError';
}

interface Place {
  /** The container's path. */
  containerPath: readonly string[];
  key: string;
  isInNewContainer: boolean;
  container: unknown;
}

/** Every write and delete of `update` against `doc`; throws UnreadableUpdateError. */
export function writesOf(doc: Y.Doc, update: Uint8Array): Write[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const fresh = freshItems(doc, structs);
  const places = new Map<Y.Item, Place>();
  const placeOfFresh = (item: Y.Item, depth = 0): Place => {
    const known = places.get(item);
    if (known) return known;
    if (depth > 10_000) throw new UnreadableUpdateError('parent chain too long');
    const place = resolve(item);
    places.set(item, place);
    return place;

    function resolve(it: Y.Item): Place {
      const parent = it.parent as unknown;
      if (typeof parent === 'string') {
        const root = doc.share.get(parent) ?? null;
        return {
          containerPath: [parent],
          key: it.parentSub ?? AT,
          isInNewContainer: false,
          container: root,
        };
      }
      if (parent instanceof Y.ID) {
        const holder = findItem(parent);
        const type = holder.content instanceof Y.ContentType ? holder.content : null;
        if (!type) throw new UnreadableUpdateError('parent is not a shared type');
        const holderPlace = holder.item
          ? holder.isFresh
            ? placeOfFresh(holder.item, depth + 1)
            : placeInDoc(holder.item)
          : null;
        if (!holderPlace) throw new UnreadableUpdateError('parent not found');
        return {
          containerPath: [...holderPlace.containerPath, holderPlace.key],
          key: it.parentSub ?? AT,
          isInNewContainer: holder.isFresh,
          container: holder.isFresh ? null : type.type,
        };
      }
      const neighbourId = it.origin ?? it.rightOrigin;
      if (!neighbourId) throw new UnreadableUpdateError('an item without parent or neighbour');
      const neighbour = findItem(neighbourId);
      if (!neighbour.item) throw new UnreadableUpdateError('neighbour not found');
      // An item whose neighbour was garbage-collected turns into garbage itself: harmless.
      return neighbour.isFresh
        ? placeOfFresh(neighbour.item, depth + 1)
        : placeInDoc(neighbour.item);
    }
  };

  function findItem(id: Y.ID): {
    item: Y.Item | null;
    isFresh: boolean;
    content: Y.Item['content'] | null;
  } {
    const inUpdate = fresh.find(id);
    if (inUpdate instanceof Y.Item)
      return { item: inUpdate, isFresh: true, content: inUpdate.content };
    if (inUpdate) return { item: null, isFresh: true, content: null };
    if (id.clock < Y.getState(doc.store, id.client)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      if (struct instanceof Y.Item)
        return { item: struct, isFresh: false, content: struct.content };
      return { item: null, isFresh: false, content: null };
    }
    throw new UnreadableUpdateError('the update depends on changes the server does not have');
  }

  const writes: Write[] = [];
  for (const item of fresh.items) {
    const place = placeOfFresh(item);
    writes.push({
      path: [...place.containerPath, place.key],
      isDelete: false,
      value: valueOf(item),
      isInNewContainer: place.isInNewContainer,
      container: place.container,
    });
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (const item of itemsInRange(doc, fresh, client, clock, len)) {
        if (fresh.has(item)) continue; // written and deleted in one go: judged as a write
        const place = placeInDoc(item);
        writes.push({
          path: [...place.containerPath, place.key],
          isDelete: true,
          value: valueOf(item),
          isInNewContainer: false,
          container: place.container,
        });
      }
    }
  }
  return writes;
}

/** Where an item of the document sits. */
function placeInDoc(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<Y.YEvent<never>> | null;
  if (!parent) return { containerPath: ['?'], key: AT, isInNewContainer: false, container: null };
  const holder = parent._item;
  const containerPath = holder
    ? (() => {
        const up = placeInDoc(holder);
        return [...up.containerPath, up.key];
      })()
    : [Y.findRootTypeKey(parent)];
  return { containerPath, key: item.parentSub ?? AT, isInNewContainer: false, container: parent };
}

function valueOf(item: Y.Item): WrittenValue {
  const { content } = item;
  if (item.deleted && !(content instanceof Y.ContentType)) return { kind: 'deleted' };
  if (content instanceof Y.ContentType) {
    const type: unknown = content.type;
    if (type instanceof Y.XmlText) return { kind: 'xmlText' };
    if (type instanceof Y.XmlElement) return { kind: 'xmlElement' };
    if (type instanceof Y.XmlFragment) return { kind: 'xmlFragment' };
    if (type instanceof Y.Map) return { kind: 'map' };
    if (type instanceof Y.Array) return { kind: 'array' };
    if (type instanceof Y.Text) return { kind: 'text' };
    return { kind: 'other' };
  }
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    return { kind: 'value', value: content.getContent()[0] };
  }
  if (content instanceof Y.ContentString) return { kind: 'value', value: content.str };
  if (content instanceof Y.ContentDeleted) return { kind: 'deleted' };
  if (content instanceof Y.ContentFormat) return { kind: 'value', value: { format: content.key } };
  if (content instanceof Y.ContentEmbed) return { kind: 'value', value: content.embed };
  return { kind: 'other' };
}

interface FreshItems {
  readonly items: readonly Y.Item[];
  /** The update's item at `id`, or its already-collected (GC) range, whose content is gone. */
  find(id: Y.ID): Y.Item | Y.GC | null;
  has(item: Y.Item): boolean;
}

/**
 * The items of an update the document does not have yet. Refuses an update that would wait
 * for changes the server lacks (a gap before its first struct, or a Skip): Yjs would keep it
 * pending and integrate it later, after every check.
 */
function freshItems(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[]): FreshItems {
  const byClient = new Map<number, Y.Item[]>();
  const collected = new Map<number, Y.GC[]>();
  const expected = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const state = expected.get(client) ?? Y.getState(doc.store, client);
    if (struct instanceof Y.Skip) throw new UnreadableUpdateError('an update with a gap');
    if (clock > state) throw new UnreadableUpdateError('an update that starts after a gap');
    expected.set(client, Math.max(state, clock + struct.length));
    if (clock + struct.length <= Y.getState(doc.store, client)) continue; // already known
    if (struct instanceof Y.Item) {
      const list = byClient.get(client) ?? [];
      list.push(struct);
      byClient.set(client, list);
    } else {
      collected.set(client, [...(collected.get(client) ?? []), struct]);
    }
  }
  const items = [...byClient.values()].flat();
  const set = new Set(items);
  return {
    items,
    has: (item) => set.has(item),
    find(id) {
      const structs = [...(byClient.get(id.client) ?? []), ...(collected.get(id.client) ?? [])];
      for (const struct of structs) {
        if (id.clock >= struct.id.clock && id.clock < struct.id.clock + struct.length)
          return struct;
      }
      return null;
    },
  };
}

/** The document's (and the update's) items that a delete range covers, not deleted yet. */
function itemsInRange(
  doc: Y.Doc,
  fresh: FreshItems,
  client: number,
  clock: number,
  len: number,
): Y.Item[] {
  const found: Y.Item[] = [];
  const end = clock + len;
  const known = Y.getState(doc.store, client);
  const structs = doc.store.clients.get(client);
  if (structs && clock < known) {
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= end) break;
      if (struct instanceof Y.Item && !struct.deleted) found.push(struct);
    }
  }
  for (let at = Math.max(clock, known); at < end;) {
    const struct = fresh.find(Y.createID(client, at));
    if (!struct) throw new UnreadableUpdateError('a delete of changes the server does not have');
    // A collected range is deleted already: nothing of it is written.
    if (struct instanceof Y.Item) found.push(struct);
    at = struct.id.clock + struct.length;
  }
  return found;
}
