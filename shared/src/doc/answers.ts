import * as Y from 'yjs';
import { SIDES, type Side } from '../people';
import type { MonthlySlot } from '../time';
import {
  MEETING_WEEKS,
  type MeetingWeek,
  agreementRoot as root,
  mapAt,
  textsMap,
} from './agreementSchema';

/** Structured answers and reciprocal lists of the agreement (shared/README.md, Documents; P2, P3, P6, P12, P15). */

/** The structured answers of one side, e.g. its goals per stakeholder (P6). */
export function sideAnswers(
  doc: Y.Doc,
  topic: 'participants' | 'goals' | 'expectations',
  side: Side,
): Y.Map<unknown> | undefined {
  const value = mapAt(root(doc).answers, topic)?.get(side);
  return value instanceof Y.Map ? value : undefined;
}

/** The agreement's commitment per participant group (P2): the groups the exchange involves. */
export function committedGroups(doc: Y.Doc): Y.Map<unknown> | undefined {
  const value = mapAt(root(doc).answers, 'participants')?.get('committed');
  return value instanceof Y.Map ? value : undefined;
}

/** The monthly meeting slot (P12). */
export function meetingSlot(doc: Y.Doc): Y.Map<unknown> | undefined {
  return mapAt(root(doc).answers, 'meeting');
}

function listOf(doc: Y.Doc, clauseId: string, side: Side): Y.Array<unknown> | undefined {
  const value = mapAt(root(doc).lists, clauseId)?.get(side);
  return value instanceof Y.Array ? value : undefined;
}

/** The observable list of one side's items, for subscribing to changes. */
export function listType(doc: Y.Doc, clauseId: string): Y.Map<unknown> | undefined {
  return mapAt(root(doc).lists, clauseId);
}

/** One thing a side will share (P3), named in one or both languages. */
export interface ListItem {
  id: string;
  text: Record<string, string>;
  by: string;
}

/** One side's items of a clause's reciprocal list (P3). */
export function readList(doc: Y.Doc, clauseId: string, side: Side): ListItem[] {
  const items: ListItem[] = [];
  for (const value of listOf(doc, clauseId, side)?.toArray() ?? []) {
    if (!(value instanceof Y.Map)) continue;
    const item = value as Y.Map<unknown>;
    const id = item.get('id');
    const by = item.get('by');
    const text = item.get('text');
    if (typeof id !== 'string' || !(text instanceof Y.Map)) continue;
    const texts: Record<string, string> = {};
    for (const [lang, t] of text.entries()) if (typeof t === 'string') texts[lang] = t;
    items.push({ id, text: texts, by: typeof by === 'string' ? by : '' });
  }
  return items;
}

/** Adds an item a side will share (P3), written in `lang`. */
export function addListItem(
  doc: Y.Doc,
  clauseId: string,
  side: Side,
  item: { id: string; lang: string; text: string; by: string },
): void {
  const list = listOf(doc, clauseId, side);
  if (!list) return;
  const map = new Y.Map<unknown>();
  map.set('id', item.id);
  map.set('text', textsMap({ [item.lang]: item.text }));
  map.set('by', item.by);
  list.push([map]);
}

function findItem(doc: Y.Doc, clauseId: string, side: Side, id: string) {
  const list = listOf(doc, clauseId, side);
  const index = list?.toArray().findIndex((v) => v instanceof Y.Map && v.get('id') === id) ?? -1;
  const item = index >= 0 ? list?.get(index) : undefined;
  return { list, index, item: item instanceof Y.Map ? (item as Y.Map<unknown>) : undefined };
}

/** Names a list item in one more language (translation of the side's own wording). */
export function setListItemText(
  doc: Y.Doc,
  clauseId: string,
  side: Side,
  id: string,
  lang: string,
  text: string,
): void {
  const texts = findItem(doc, clauseId, side, id).item?.get('text');
  if (texts instanceof Y.Map) texts.set(lang, text);
}

export function removeListItem(doc: Y.Doc, clauseId: string, side: Side, id: string): void {
  const { list, index } = findItem(doc, clauseId, side, id);
  if (list && index >= 0) list.delete(index, 1);
}

/** Creates the answer maps once, at seeding (see {@link addClause} for why). */
export function createAnswers(doc: Y.Doc): void {
  const { answers } = root(doc);
  const participants = sideMaps();
  participants.set('committed', new Y.Map());
  answers.set('participants', participants);
  answers.set('goals', sideMaps());
  answers.set('expectations', sideMaps());
  answers.set('meeting', new Y.Map());
}

function sideMaps(): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const side of SIDES) map.set(side, new Y.Map());
  return map;
}

/** The monthly meeting slot as stored (P12); fields that are missing or malformed are left out. */
export function readMeetingSlot(doc: Y.Doc): Partial<MonthlySlot> {
  const map = meetingSlot(doc);
  const week = map?.get('week');
  const weekday = map?.get('weekday');
  const time = map?.get('time');
  const timeZone = map?.get('timeZone');
  return {
    week: (MEETING_WEEKS as readonly unknown[]).includes(week) ? (week as MeetingWeek) : undefined,
    weekday: typeof weekday === 'number' ? weekday : undefined,
    time: typeof time === 'string' ? time : undefined,
    timeZone: typeof timeZone === 'string' ? timeZone : undefined,
  };
}

/** Sets one field of the meeting slot; the slot keeps `zone` as its time zone once it has one. */
export function setMeetingField(
  doc: Y.Doc,
  field: 'week' | 'weekday' | 'time' | 'timeZone',
  value: string | number,
  zone: string,
): void {
  const map = meetingSlot(doc);
  if (!map) return;
  doc.transact(() => {
    map.set(field, value);
    if (!map.has('timeZone')) map.set('timeZone', zone);
  });
}

/** One side's answer to one question of a topic (a goal, an expectation, a feasibility). */
export function readSideAnswer(
  doc: Y.Doc,
  topic: 'participants' | 'goals' | 'expectations',
  side: Side,
  key: string,
): unknown {
  return sideAnswers(doc, topic, side)?.get(key);
}

/** Sets one side's answer to one question (the server lets only that side write it). */
export function setSideAnswer(
  doc: Y.Doc,
  topic: 'participants' | 'goals' | 'expectations',
  side: Side,
  key: string,
  value: string,
): void {
  sideAnswers(doc, topic, side)?.set(key, value);
}

/** Whether the agreement commits to a participant group (P2). */
export function isCommitted(doc: Y.Doc, group: string): boolean {
  return committedGroups(doc)?.get(group) === true;
}

/** Commits the agreement to a participant group, or withdraws it (P2). */
export function setCommitted(doc: Y.Doc, group: string, committed: boolean): void {
  committedGroups(doc)?.set(group, committed);
}
