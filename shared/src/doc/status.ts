import type * as Y from 'yjs';
import { SIDES, type Side } from '../people';

/**
 * The `status` document: written only by the server, read-only for every client (shared/README.md).
 * Alignments and approvals are plain JSON values, replaced whole, so a reader never sees half
 * of one.
 */

/** One language version as it was when a person marked the clause aligned. */
export interface AlignedText {
  hash: string;
  text: string;
}

/** "Both language versions say the same", recorded by the server for one clause (P10). */
export interface Alignment {
  versions: Record<string, AlignedText>;
  /** Member who marked it aligned. */
  by: string;
  at: number;
}

/** One side's approval of a clause, bound to the fingerprints it approved. */
export interface Approval {
  by: string;
  at: number;
  hashes: Record<string, string>;
}

/** The approvals of a clause per side. */
export type Approvals = Partial<Record<Side, Approval>>;

function maps(doc: Y.Doc) {
  return {
    alignments: doc.getMap<unknown>('alignments'),
    approvals: doc.getMap<unknown>('approvals'),
    dismissals: doc.getMap<unknown>('dismissals'),
    signing: doc.getMap<unknown>('signing'),
  };
}

/** The names of the status document's top-level types: nothing else belongs in it. */
export const STATUS_TYPE_NAMES = ['alignments', 'approvals', 'dismissals', 'signing'] as const;

/** The top-level types of the status document, for observing it. */
export function statusTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return STATUS_TYPE_NAMES.map((name) => doc.getMap<unknown>(name)) as Y.AbstractType<unknown>[];
}

function isRecordOf<T>(value: unknown, check: (v: unknown) => v is T): value is Record<string, T> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => check(v));
}

function isAlignedText(value: unknown): value is AlignedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    'hash' in value &&
    typeof value.hash === 'string' &&
    'text' in value &&
    typeof value.text === 'string'
  );
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The alignment of a clause, if it was ever aligned. */
export function alignmentOf(doc: Y.Doc, clauseId: string): Alignment | undefined {
  const value = maps(doc).alignments.get(clauseId);
  if (typeof value !== 'object' || value === null) return undefined;
  if (!('versions' in value) || !isRecordOf(value.versions, isAlignedText)) return undefined;
  const by = 'by' in value && typeof value.by === 'string' ? value.by : '';
  const at = 'at' in value && typeof value.at === 'number' ? value.at : 0;
  return { versions: value.versions, by, at };
}

/** The approvals of a clause (only the server writes them). */
export function approvalsOf(doc: Y.Doc, clauseId: string): Approvals {
  const value = maps(doc).approvals.get(clauseId);
  const out: Approvals = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const side of SIDES) {
    const approval: unknown = (value as Record<string, unknown>)[side];
    if (typeof approval !== 'object' || approval === null) continue;
    const { by, at, hashes } = approval as Record<string, unknown>;
    if (typeof by === 'string' && typeof at === 'number' && isRecordOf(hashes, isString)) {
      out[side] = { by, at, hashes };
    }
  }
  return out;
}

/** Records an alignment (server only). */
export function setAlignment(doc: Y.Doc, clauseId: string, alignment: Alignment): void {
  maps(doc).alignments.set(clauseId, alignment);
}

/** Records one side's approval, keeping the other side's (server only). */
export function setApproval(doc: Y.Doc, clauseId: string, side: Side, approval: Approval): void {
  maps(doc).approvals.set(clauseId, { ...approvalsOf(doc, clauseId), [side]: approval });
}

/** A prompt dismissed for both sides, with the reason both see. */
export interface Dismissal {
  reason: string;
  by: string;
  at: number;
}

/** Dismissed prompts by prompt key. */
export function dismissalsOf(doc: Y.Doc): Record<string, Dismissal> {
  const out: Record<string, Dismissal> = {};
  for (const [key, value] of maps(doc).dismissals.entries()) {
    if (typeof value !== 'object' || value === null) continue;
    const { reason, by, at } = value as Record<string, unknown>;
    if (typeof reason === 'string' && typeof by === 'string' && typeof at === 'number') {
      out[key] = { reason, by, at };
    }
  }
  return out;
}

/** Records a dismissal (server only). */
export function setDismissal(doc: Y.Doc, promptKey: string, dismissal: Dismissal | null): void {
  if (dismissal) maps(doc).dismissals.set(promptKey, dismissal);
  else maps(doc).dismissals.delete(promptKey);
}

/** The agreement's signing state as everyone sees it live (written by the server). */
export interface SigningState {
  phase: 'draft' | 'signing' | 'signed';
  hash: string | null;
  startedAt: number | null;
  signatures: { side: Side; name: string; title: string; at: number }[];
  /** A signed agreement was amended: this draft (or signing) is its amendment. */
  isAmendment: boolean;
}

export function signingStateOf(doc: Y.Doc): SigningState {
  const value = maps(doc).signing.get('state');
  if (typeof value !== 'object' || value === null) {
    return { phase: 'draft', hash: null, startedAt: null, signatures: [], isAmendment: false };
  }
  const v = value as Record<string, unknown>;
  const phase = v.phase === 'signing' || v.phase === 'signed' ? v.phase : 'draft';
  const signatures: SigningState['signatures'] = [];
  for (const entry of Array.isArray(v.signatures) ? (v.signatures as unknown[]) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { side, name, title, at } = entry as Record<string, unknown>;
    if ((side === 'A' || side === 'B') && typeof name === 'string' && typeof at === 'number') {
      signatures.push({ side, name, title: typeof title === 'string' ? title : '', at });
    }
  }
  return {
    phase,
    hash: typeof v.hash === 'string' ? v.hash : null,
    startedAt: typeof v.startedAt === 'number' ? v.startedAt : null,
    signatures,
    isAmendment: v.isAmendment === true,
  };
}

/** Records the signing state (server only). */
export function setSigningState(doc: Y.Doc, state: SigningState): void {
  maps(doc).signing.set('state', state);
}
