import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '@tandem/shared/protocol';

/** The top-level names documents use, and some they do not. */
const ROOTS = ['clauses', 'order', 'meta', 'items', 'threads', 'answers', 'lists', 'x', ''];
const KEYS = ['purpose', 'title', 'text', 'en', 'zh-Hans', 'date', 'status', 'votes', 'by', 'x'];

/** A JSON-ish value a map may be set to. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2027-07-01', 'agreed', 'A', 'B', 'x'.repeat(2_000)),
  fc.dictionary(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
);

/** One change made on a copy of a document, as any client could make it. */
type Change = (doc: Y.Doc) => void;

const changes: fc.Arbitrary<Change>[] = [
  // Text somewhere in a map of maps, as the agreement and items hold it.
  fc
    .tuple(
      fc.constantFrom(...ROOTS),
      fc.constantFrom(...KEYS),
      fc.constantFrom(...KEYS),
      fc.string(),
    )
    .map(([root, a, b, text]) => (doc: Y.Doc) => {
      const outer = doc.getMap<unknown>(root);
      let inner = outer.get(a);
      if (!(inner instanceof Y.Map)) {
        inner = new Y.Map<unknown>();
        outer.set(a, inner);
      }
      const y = new Y.Text();
      (inner as Y.Map<unknown>).set(b, y);
      y.insert(0, text);
    }),
  // A plain value set, replaced or deleted.
  fc
    .tuple(fc.constantFrom(...ROOTS), fc.constantFrom(...KEYS), value, fc.boolean())
    .map(([root, key, v, isDelete]) => (doc: Y.Doc) => {
      const map = doc.getMap<unknown>(root);
      if (isDelete) map.delete(key);
      else map.set(key, v);
    }),
  // An item or thread as a nested map, the shape the write rules look at.
  fc
    .tuple(
      fc.constantFrom('items', 'threads'),
      fc.string({ maxLength: 70 }),
      fc.dictionary(fc.constantFrom(...KEYS), value),
    )
    .map(([root, id, fields]) => (doc: Y.Doc) => {
      const entry = new Y.Map<unknown>();
      doc.getMap<unknown>(root).set(id, entry);
      for (const [k, v] of Object.entries(fields)) entry.set(k, v);
    }),
  // A stray top-level type of another kind.
  fc.tuple(fc.constantFrom(...ROOTS), fc.string()).map(([root, text]) => (doc: Y.Doc) => {
    doc.getText(`${root}-text`).insert(0, text);
  }),
  // Deleting content that exists.
  fc.nat().map((n) => (doc: Y.Doc) => {
    for (const [, type] of doc.share) {
      if (type instanceof Y.Map && type.size > 0) {
        const keys = [...type.keys()];
        type.delete(keys[n % keys.length] ?? '');
        return;
      }
    }
  }),
];

/** A byte-level mutation of an encoded update: most break it, some leave it decodable. */
const mutation = fc.oneof(
  fc.constant((bytes: Uint8Array) => bytes),
  fc.constant((bytes: Uint8Array) => bytes),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => (bytes: Uint8Array) => {
    const copy = bytes.slice();
    if (copy.length > 0) copy[at % copy.length] = byte;
    return copy;
  }),
  fc.nat().map((at) => (bytes: Uint8Array) => bytes.slice(0, at % (bytes.length + 1))),
  fc.uint8Array({ maxLength: 16 }).map((extra) => (bytes: Uint8Array) => {
    const out = new Uint8Array(bytes.length + extra.length);
    out.set(bytes);
    out.set(extra, bytes.length);
    return out;
  }),
);

/** A sync frame: a change on the client's copy, encoded, perhaps mutated, as step 1, 2 or update. */
export const updateCase = fc.record({
  change: fc.oneof(...changes),
  mutate: mutation,
  subType: fc.constantFrom(0, 1, 2, 2, 2),
});
export type UpdateCase = typeof updateCase extends fc.Arbitrary<infer T> ? T : never;

/** The frame an update case sends, made on `doc` (which it changes). */
export function updateFrame(doc: Y.Doc, c: UpdateCase): Uint8Array {
  const before = Y.encodeStateVector(doc);
  try {
    doc.transact(() => c.change(doc));
  } catch {
    // Some generated changes are impossible locally (a key Yjs refuses): send what there is.
  }
  const payload = c.subType === 0 ? before : Y.encodeStateAsUpdate(doc, before);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, c.subType);
  encoding.writeVarUint8Array(encoder, c.mutate(payload));
  return encoding.toUint8Array(encoder);
}

/** A presence frame: states of any shape and size, for own and other clientIDs. */
export const presenceFrame = fc
  .tuple(
    fc.array(
      fc.record({
        client: fc.oneof(fc.nat(), fc.constant(0)),
        clock: fc.nat(),
        state: fc.oneof(
          fc.json(),
          fc.constant('null'),
          fc.string(),
          fc.constant(JSON.stringify({ user: { name: 'x'.repeat(5_000) } })),
          fc.constant('{"user":{"name":"Someone else"}}'),
        ),
      }),
      { maxLength: 4 },
    ),
    mutation,
  )
  .map(([entries, mutate]) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(update, e.client);
      encoding.writeVarUint(update, e.clock);
      encoding.writeVarString(update, e.state);
    }
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.awareness);
    encoding.writeVarUint8Array(frame, mutate(encoding.toUint8Array(update)));
    return encoding.toUint8Array(frame);
  });

const BODY_KEYS = [
  'email',
  'password',
  'name',
  'language',
  'side',
  'role',
  'sideA',
  'sideB',
  'prevailing',
  'reason',
  'hash',
  'consent',
  'typed',
  'image',
  'vote',
  'title',
  'date',
  'kind',
  'lang',
  'currentPassword',
  'newPassword',
  'maxUses',
  'expiresInHours',
  'timeZone',
  '__proto__',
];

/** A request body: JSON shaped like the API's, any JSON, broken JSON, or bytes. */
export const body = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...BODY_KEYS), fc.oneof(value, fc.json()), { maxKeys: 6 })
    .map((o) => JSON.stringify(o)),
  fc.json(),
  fc.string().map((s) => `{"${s}`),
  fc.uint8Array({ maxLength: 200 }),
  fc.constant(undefined),
);
