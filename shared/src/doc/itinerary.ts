import * as Y from 'yjs';
import type { Side } from '../people';
import { plainDateUtc } from '../time';
import { byOrder, keyBetween } from './order';

/**
 * An itinerary leg (`itinerary.A`: side A hosts side B's students), shared/README.md, Documents. Times are
 * wall-clock (`HH:MM`) in the leg's IANA zone, dates are plain (`YYYY-MM-DD`): what people
 * type is what is stored. There is no field for health, diet, addresses or vetting (P23).
 */

export const ITEM_KINDS = [
  'group-event',
  'school-day',
  'host-family',
  'free-time',
  'travel',
  'meal',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_STATUSES = ['proposed', 'agreed', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const VOTES = ['yes', 'no', 'maybe'] as const;
export type Vote = (typeof VOTES)[number];
/** Who pays an item's cost. */
export const PAYERS = [
  'host-family',
  'guest-family',
  'host-school',
  'guest-school',
  'shared',
] as const;
export type Payer = (typeof PAYERS)[number];

/** Default length of a leg (P17). */
export const LEG_DAYS = 14;

export interface LegMeta {
  hostSide: Side;
  startDate: string;
  endDate: string;
  timeZone: string;
  languages: string[];
}

export interface Cost {
  amount: number;
  currency: string;
  paidBy: Payer;
}

export interface Item {
  id: string;
  date: string | null;
  start: string | null;
  end: string | null;
  kind: ItemKind;
  title: Record<string, string>;
  notes: Record<string, string>;
  place: string;
  chaperones: string[];
  learningGoal: string;
  cost: Cost | null;
  status: ItemStatus;
  proposedBy: Side;
  votes: Record<string, Vote>;
  order: string;
  /** The visiting students share their own culture here (P3, R-guest-voice). */
  guestsShare: boolean;
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a string is a plain date `YYYY-MM-DD` that exists in the calendar. */
export function isPlainDate(value: unknown): value is string {
  if (typeof value !== 'string' || !PLAIN_DATE.test(value)) return false;
  // A date that does not exist (31 April) rolls over, and then no longer prints the same.
  return new Date(plainDateUtc(value)).toISOString().slice(0, 10) === value;
}

/** Whether a string is a wall-clock time `HH:MM`. */
export function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && WALL_TIME.test(value);
}

/** The plain date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(plainDateUtc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every date of the leg, first to last. */
export function legDates(meta: Pick<LegMeta, 'startDate' | 'endDate'>): string[] {
  const dates: string[] = [];
  for (
    let date = meta.startDate;
    date <= meta.endDate && dates.length < 120;
    date = addDays(date, 1)
  ) {
    dates.push(date);
  }
  return dates;
}

function root(doc: Y.Doc) {
  return { meta: doc.getMap<unknown>('meta'), items: doc.getMap<unknown>('items') };
}

/** The top-level types, for observing the whole leg. */
export function itineraryTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const { meta, items } = root(doc);
  return [meta, items] as Y.AbstractType<unknown>[];
}

/** Whether the server has seeded this leg. */
export function isLegSeeded(doc: Y.Doc): boolean {
  return root(doc).meta.has('hostSide');
}

export function readMeta(doc: Y.Doc): LegMeta | null {
  const meta = root(doc).meta;
  const hostSide = meta.get('hostSide');
  const startDate = meta.get('startDate');
  const endDate = meta.get('endDate');
  const timeZone = meta.get('timeZone');
  const languages = meta.get('languages');
  if ((hostSide !== 'A' && hostSide !== 'B') || !isPlainDate(startDate) || !isPlainDate(endDate)) {
    return null;
  }
  return {
    hostSide,
    startDate,
    endDate,
    timeZone: typeof timeZone === 'string' ? timeZone : 'UTC',
    languages: Array.isArray(languages)
      ? languages.filter((l): l is string => typeof l === 'string')
      : [],
  };
}

/** Seeds a leg (server only): host side, dates, the host's zone, both languages. */
export function seedLeg(doc: Y.Doc, meta: LegMeta): void {
  const map = root(doc).meta;
  doc.transact(() => {
    for (const [key, value] of Object.entries(meta)) map.set(key, value);
  });
}

/** Changes the leg's dates; items keep their dates (those outside show as unscheduled). */
export function setLegDates(doc: Y.Doc, startDate: string, endDate: string): void {
  if (!isPlainDate(startDate) || !isPlainDate(endDate) || endDate < startDate) return;
  const map = root(doc).meta;
  doc.transact(() => {
    map.set('startDate', startDate);
    map.set('endDate', endDate);
  });
}

function itemMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value = root(doc).items.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

function textsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(value instanceof Y.Map)) return out;
  for (const [lang, text] of (value as Y.Map<unknown>).entries()) {
    if (text instanceof Y.Text) out[lang] = text.toJSON();
  }
  return out;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  (list as readonly unknown[]).includes(value) ? (value as T) : fallback;

function readCost(value: unknown): Cost | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    typeof v.amount !== 'number' ||
    !Number.isFinite(v.amount) ||
    typeof v.currency !== 'string'
  ) {
    return null;
  }
  return { amount: v.amount, currency: v.currency, paidBy: oneOf(PAYERS, v.paidBy, 'shared') };
}

function readItem(id: string, m: Y.Map<unknown>): Item {
  const str = (key: string) => {
    const v = m.get(key);
    return typeof v === 'string' ? v : '';
  };
  const chaperones = m.get('chaperones');
  const votes = m.get('votes');
  const voteRecord: Record<string, Vote> = {};
  if (votes instanceof Y.Map) {
    for (const [member, vote] of (votes as Y.Map<unknown>).entries()) {
      if ((VOTES as readonly unknown[]).includes(vote)) voteRecord[member] = vote as Vote;
    }
  }
  const date = m.get('date');
  return {
    id,
    date: isPlainDate(date) ? date : null,
    start: isWallTime(m.get('start')) ? str('start') : null,
    end: isWallTime(m.get('end')) ? str('end') : null,
    kind: oneOf(ITEM_KINDS, m.get('kind'), 'group-event'),
    title: textsOf(m.get('title')),
    notes: textsOf(m.get('notes')),
    place: str('place'),
    chaperones:
      chaperones instanceof Y.Array
        ? (chaperones as Y.Array<unknown>)
            .toArray()
            .filter((c): c is string => typeof c === 'string')
        : [],
    learningGoal: str('learningGoal'),
    cost: readCost(m.get('cost')),
    status: oneOf(ITEM_STATUSES, m.get('status'), 'proposed'),
    proposedBy: m.get('proposedBy') === 'B' ? 'B' : 'A',
    votes: voteRecord,
    order: str('order'),
    guestsShare: m.get('guestsShare') === true,
  };
}

/** The longest leg: an exchange visit is two weeks, a term abroad a few months. */
export const MAX_LEG_DAYS = 120;

/** What makes a leg unfit to export: dates out of order or too far apart, an unknown zone. */
export function legProblem(meta: Pick<LegMeta, 'startDate' | 'endDate' | 'timeZone'>) {
  const days = (plainDateUtc(meta.endDate) - plainDateUtc(meta.startDate)) / 86_400_000;
  if (!(days >= 0 && days < MAX_LEG_DAYS)) return 'dates';
  try {
    new Intl.DateTimeFormat('en', { timeZone: meta.timeZone });
  } catch {
    return 'zone';
  }
  return null;
}

/**
 * The most characters of each text an export (PDF, calendar) prints: far above what any item
 * needs, and small enough that no title can cost seconds of layout.
 */
export const EXPORT_TEXT_LIMITS = { title: 300, notes: 4_000, place: 300, learningGoal: 1_000 };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
const cutAll = (texts: Record<string, string>, max: number) =>
  Object.fromEntries(Object.entries(texts).map(([lang, text]) => [lang, cut(text, max)]));

/** The item with its texts cut to EXPORT_TEXT_LIMITS, for exports. */
export function forExport(item: Item): Item {
  const limits = EXPORT_TEXT_LIMITS;
  return {
    ...item,
    title: cutAll(item.title, limits.title),
    notes: cutAll(item.notes, limits.notes),
    place: cut(item.place, limits.place),
    learningGoal: cut(item.learningGoal, limits.learningGoal),
  };
}

/** All an item's free text, one field per line: what R-sensitive reads (P23). */
export function itemFreeText(item: Item): string {
  return [
    ...Object.values(item.title),
    ...Object.values(item.notes),
    item.place,
    item.learningGoal,
  ].join('\n');
}

/** Every item, sorted by date (unscheduled last) then order. */
export function readItems(doc: Y.Doc): Item[] {
  const items: Item[] = [];
  for (const [id, value] of root(doc).items.entries()) {
    if (value instanceof Y.Map) items.push(readItem(id, value as Y.Map<unknown>));
  }
  return items.sort((a, b) => {
    if (a.date !== b.date)
      return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
    return byOrder(a, b);
  });
}

/** The items of one day (or the unscheduled ones, `null`), in order. */
export function itemsOn(items: Item[], date: string | null): Item[] {
  return items.filter((i) => i.date === date);
}

/** A new item's fields; nested types are created here, once (see agreement.addClause). */
export interface NewItem {
  id: string;
  date: string | null;
  kind: ItemKind;
  title: Record<string, string>;
  languages: readonly string[];
  proposedBy: Side;
  status: ItemStatus;
  start?: string | null;
  end?: string | null;
}

function textMap(languages: readonly string[], initial: Record<string, string>): Y.Map<Y.Text> {
  const map = new Y.Map<Y.Text>();
  for (const lang of languages) map.set(lang, new Y.Text(initial[lang] ?? ''));
  return map;
}

/** Adds an item at the end of its day. */
export function addItem(doc: Y.Doc, item: NewItem): void {
  const last = itemsOn(readItems(doc), item.date).at(-1);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set('date', item.date);
    map.set('start', item.start ?? null);
    map.set('end', item.end ?? null);
    map.set('kind', item.kind);
    map.set('title', textMap(item.languages, item.title));
    map.set('notes', textMap(item.languages, {}));
    map.set('place', '');
    map.set('chaperones', new Y.Array<string>());
    map.set('learningGoal', '');
    map.set('cost', null);
    map.set('status', item.status);
    map.set('proposedBy', item.proposedBy);
    map.set('votes', new Y.Map<string>());
    map.set('order', keyBetween(last?.order || null, null));
    root(doc).items.set(item.id, map);
  });
}

/** The live text of an item's title or notes in one language (bound to a text field). */
export function itemText(
  doc: Y.Doc,
  itemId: string,
  field: 'title' | 'notes',
  lang: string,
): Y.Text | null {
  const texts = itemMap(doc, itemId)?.get(field);
  if (!(texts instanceof Y.Map)) return null;
  const map = texts as Y.Map<unknown>;
  const existing = map.get(lang);
  if (existing instanceof Y.Text) return existing;
  return null;
}

/** The editable scalar fields of an item. */
export type ItemField =
  'start' | 'end' | 'kind' | 'place' | 'learningGoal' | 'status' | 'cost' | 'guestsShare';

/** Sets one field, refusing values of the wrong shape (bad input changes nothing). */
export function setItemField(
  doc: Y.Doc,
  itemId: string,
  field: ItemField,
  value: unknown,
): boolean {
  const item = itemMap(doc, itemId);
  if (!item) return false;
  const isValid =
    field === 'start' || field === 'end'
      ? value === null || isWallTime(value)
      : field === 'kind'
        ? (ITEM_KINDS as readonly unknown[]).includes(value)
        : field === 'status'
          ? (ITEM_STATUSES as readonly unknown[]).includes(value)
          : field === 'cost'
            ? value === null || readCost(value) !== null
            : field === 'guestsShare'
              ? typeof value === 'boolean'
              : typeof value === 'string' && value.length <= 2000;
  if (isValid) item.set(field, value);
  return isValid;
}

/** Sets the chaperones (member ids) of an item. */
export function setChaperones(doc: Y.Doc, itemId: string, memberIds: readonly string[]): void {
  const value = itemMap(doc, itemId)?.get('chaperones');
  if (!(value instanceof Y.Array)) return;
  const list = value as Y.Array<unknown>;
  doc.transact(() => {
    list.delete(0, list.length);
    list.insert(0, [...new Set(memberIds)]);
  });
}

/** Records one member's vote (the server does this for the visiting side, P19). */
export function setVote(doc: Y.Doc, itemId: string, memberId: string, vote: Vote | null): void {
  const value = itemMap(doc, itemId)?.get('votes');
  if (!(value instanceof Y.Map)) return;
  const votes = value as Y.Map<unknown>;
  if (vote === null) votes.delete(memberId);
  else votes.set(memberId, vote);
}

/**
 * Moves an item to `date` (null: unscheduled), before `beforeId` (or to the end of that day).
 * Only the item's date and order key change, so a concurrent edit of it is never lost.
 */
export function moveItem(
  doc: Y.Doc,
  itemId: string,
  date: string | null,
  beforeId: string | null,
): void {
  const item = itemMap(doc, itemId);
  if (!item) return;
  const day = itemsOn(readItems(doc), date).filter((i) => i.id !== itemId);
  const at =
    beforeId === null
      ? day.length
      : Math.max(
          0,
          day.findIndex((i) => i.id === beforeId),
        );
  const before = day[at - 1]?.order || null;
  let after = day[at]?.order || null;
  // Equal keys (concurrent inserts) leave no room between them: go after the lower one instead.
  if (after !== null && before !== null && after <= before) after = null;
  doc.transact(() => {
    item.set('date', date);
    item.set('order', keyBetween(before, after));
  });
}

/**
 * Puts a timed item among its day's items by start time: after every item starting at or before
 * it, before the first starting later (untimed items keep their place). Adding an item or
 * changing its start calls this, so a day reads as a timeline; a person's own move wins after.
 */
export function placeByTime(doc: Y.Doc, itemId: string): void {
  const items = readItems(doc);
  const item = items.find((i) => i.id === itemId);
  if (!item?.start) return;
  const start = item.start;
  const day = itemsOn(items, item.date);
  const others = day.filter((i) => i.id !== itemId);
  const later = others.findIndex((i) => i.start !== null && i.start > start);
  let lastTimed = -1;
  others.forEach((i, index) => {
    if (i.start !== null && i.start <= start) lastTimed = index;
  });
  const before = later >= 0 ? later : lastTimed + 1;
  // Already there: write nothing.
  if (day.findIndex((i) => i.id === itemId) === before) return;
  moveItem(doc, itemId, item.date, others[before]?.id ?? null);
}

export function removeItem(doc: Y.Doc, itemId: string): void {
  root(doc).items.delete(itemId);
}
