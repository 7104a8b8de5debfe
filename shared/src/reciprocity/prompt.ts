import type * as Y from 'yjs';
import type { Role, Side } from '../people';
import type { School } from '../peopleBodies';

/** The catalogue of shared/DOMAIN.md, in its order. */
export const PROMPT_IDS = [
  'R-cultural',
  'R-participants',
  'R-goals',
  'R-authorship',
  'R-drift',
  'R-language-missing',
  'R-flexible',
  'R-continuity',
  'R-meeting',
  'R-expectations',
  'R-legs',
  'R-free-time',
  'R-chaperones',
  'R-proposals',
  'R-guest-voice',
  'R-sensitive',
] as const;
export type PromptId = (typeof PROMPT_IDS)[number];

/** Where a prompt points, so the UI can mark and link the place. */
export type PromptTarget =
  | { kind: 'clause'; clauseId: string }
  | { kind: 'item'; leg: Side; itemId: string }
  | { kind: 'leg'; leg: Side }
  | { kind: 'day'; leg: Side; date: string }
  | { kind: 'side'; side: Side }
  | { kind: 'agreement' };

/** One fired prompt. `key` names this instance (stable, for dismissals). */
export interface Prompt {
  id: PromptId;
  key: string;
  /** `blocking` prompts stop signing (R-drift, R-language-missing). */
  severity: 'info' | 'warning' | 'blocking';
  target: PromptTarget;
  /** Values for the message (school names are looked up by side in the UI). */
  params: Record<string, string | number>;
}

/** Everything the rules read. Missing documents (not yet loaded) make their rules silent. */
export interface PromptInput {
  agreement: Y.Doc | null;
  status: Y.Doc | null;
  legs: Record<Side, Y.Doc | null>;
  sides: Record<Side, Pick<School, 'timeZone' | 'schoolHours' | 'name'>>;
  members: { id: string; side: Side; role: Role }[];
  /** Words of the agreement written per side, from the server's attribution. */
  authorship: Record<Side, number> | null;
  now: number;
}

/** A rule family: a pure function from the documents' state to the prompts it fires. */
export type Rule = (input: PromptInput) => Prompt[];

/** A prompt; `detail` tells apart several prompts of one kind on one place (e.g. a group). */
export function prompt(
  id: PromptId,
  target: PromptTarget,
  params: Record<string, string | number> = {},
  severity: Prompt['severity'] = 'warning',
  detail = '',
): Prompt {
  const where =
    target.kind === 'clause'
      ? target.clauseId
      : target.kind === 'item'
        ? `${target.leg}/${target.itemId}`
        : target.kind === 'leg'
          ? target.leg
          : target.kind === 'day'
            ? `${target.leg}/${target.date}`
            : target.kind === 'side'
              ? target.side
              : 'agreement';
  return { id, key: `${id}:${where}${detail ? `:${detail}` : ''}`, severity, target, params };
}

/**
 * How an item prompt names its item and day (the message's `item` and `date`, and its context:
 * `item` with a day, `itemUndated` without): the title in the first language that has one.
 */
export function itemParams(item: {
  title: Record<string, string>;
  date: string | null;
}): Record<string, string> {
  const name = Object.values(item.title).find((t) => t.trim() !== '') ?? '';
  return item.date
    ? { item: name, date: item.date, context: 'item' }
    : { item: name, context: 'itemUndated' };
}
