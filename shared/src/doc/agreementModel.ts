import type * as Y from 'yjs';
import { SIDES, type Side } from '../people';
import type { School } from '../peopleBodies';
import { nextMeeting, wallDateTime } from '../time';
import { languagesOf, listClauses, prevailingOf, titlesOf } from './agreement';
import {
  ANSWERS_OF_KIND,
  type ClauseKind,
  EXPECTATIONS,
  FEASIBILITY,
  LIST_KINDS,
  type MeetingWeek,
  PARTICIPANT_GROUPS,
  STAKEHOLDERS,
} from './agreementSchema';
import { isCommitted, readList, readMeetingSlot, readSideAnswer } from './answers';
import { currentVersions } from './clauseStatus';

/**
 * The agreement as both schools sign it, and as every view of it shows it: the preview, the
 * canonical JSON (and so its hash) and the signed PDF all read this one model. Format 2 adds the
 * structured answers to format 1 (clause texts only); format 3 records, per clause and language,
 * whether a person wrote or checked the text (no machine translation left unconfirmed, P10). A
 * stored canonical form is never rebuilt, so agreements signed in earlier formats keep verifying
 * and rendering.
 */
export const AGREEMENT_FORMAT = 'tandem-agreement/3';

/** Both schools' answers to one question: free text, or a vocabulary value (feasibility). */
export type SideValues = Record<Side, string>;

export interface ModelClause {
  id: string;
  kind: ClauseKind;
  title: Record<string, string>;
  text: Record<string, string>;
  /** P10, format 3: per language, whether people wrote or confirmed all of the text. */
  byPeople?: Record<string, boolean>;
  /** P3: what each school will share, each item in the languages it was written in. */
  lists?: Record<Side, Record<string, string>[]>;
  /** P2: per group, whether the agreement involves it and whether each school can support it. */
  participants?: { group: string; committed: boolean; feasibility: SideValues }[];
  /** P6: each school's goal per stakeholder. */
  goals?: { stakeholder: string; answers: SideValues }[];
  /** P15: each school's answer per expectation. */
  expectations?: { topic: string; answers: SideValues }[];
}

/** P12: the monthly meeting, and the next one in both schools' local times. */
export interface ModelMeeting {
  week: MeetingWeek;
  weekday: number;
  time: string;
  timeZone: string;
  /** The first meeting after the model was made, as each school's wall clock `YYYY-MM-DD HH:MM`. */
  next: SideValues;
}

export interface AgreementModel {
  format: typeof AGREEMENT_FORMAT;
  languages: string[];
  prevailing: string;
  title: Record<string, string>;
  schools: Record<Side, { name: string; timeZone: string; language: string }>;
  clauses: ModelClause[];
  meeting: ModelMeeting | null;
}

type Schools = Record<Side, Pick<School, 'name' | 'timeZone' | 'language'>>;

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const feasibility = (value: unknown): string =>
  (FEASIBILITY as readonly unknown[]).includes(value) ? String(value) : '';

function bySide(read: (side: Side) => string): SideValues {
  return { A: read('A'), B: read('B') };
}

function clauseOf(doc: Y.Doc, clause: ReturnType<typeof listClauses>[number]): ModelClause {
  const { id, kind, title } = clause;
  const versions = Object.entries(currentVersions(doc, id));
  const text = Object.fromEntries(versions.map(([lang, v]) => [lang, v.text]));
  const byPeople = Object.fromEntries(versions.map(([lang, v]) => [lang, !v.hasMachineText]));
  const model: ModelClause = { id, kind, title, text, byPeople };
  if (LIST_KINDS.includes(kind)) {
    model.lists = {
      A: readList(doc, id, 'A').map((item) => item.text),
      B: readList(doc, id, 'B').map((item) => item.text),
    };
  }
  switch (ANSWERS_OF_KIND[kind]) {
    case 'participants':
      model.participants = PARTICIPANT_GROUPS.map((group) => ({
        group,
        committed: isCommitted(doc, group),
        feasibility: bySide((side) =>
          feasibility(readSideAnswer(doc, 'participants', side, group)),
        ),
      }));
      break;
    case 'goals':
      model.goals = STAKEHOLDERS.map((stakeholder) => ({
        stakeholder,
        answers: bySide((side) => str(readSideAnswer(doc, 'goals', side, stakeholder))),
      }));
      break;
    case 'expectations':
      model.expectations = EXPECTATIONS.map((topic) => ({
        topic,
        answers: bySide((side) => str(readSideAnswer(doc, 'expectations', side, topic))),
      }));
      break;
  }
  return model;
}

function meetingOf(doc: Y.Doc, schools: Schools, at: number): ModelMeeting | null {
  const { week, weekday, time, timeZone } = readMeetingSlot(doc);
  if (!week || !weekday || !time || !timeZone) return null;
  const slot = { week, weekday, time, timeZone };
  let next: number;
  try {
    next = nextMeeting(slot, at);
  } catch {
    return null; // an unknown zone: no meeting to show
  }
  return { ...slot, next: bySide((side) => wallDateTime(next, schools[side].timeZone)) };
}

/** The agreement as it stands, for the schools `schools`, with the next meeting after `at`. */
export function agreementModel(doc: Y.Doc, schools: Schools, at: number): AgreementModel {
  return {
    format: AGREEMENT_FORMAT,
    languages: languagesOf(doc),
    prevailing: prevailingOf(doc),
    title: titlesOf(doc),
    schools: Object.fromEntries(
      SIDES.map((side) => [
        side,
        {
          name: schools[side].name,
          timeZone: schools[side].timeZone,
          language: schools[side].language,
        },
      ]),
    ) as AgreementModel['schools'],
    clauses: listClauses(doc).map((clause) => clauseOf(doc, clause)),
    meeting: meetingOf(doc, schools, at),
  };
}
