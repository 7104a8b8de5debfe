import { type Dismissal, dismissalsOf } from '../doc/status';
import { authorshipRule } from './authorship';
import { chaperonesRule } from './chaperones';
import { continuityRule } from './continuity';
import { culturalRule } from './cultural';
import { expectationsRule } from './expectations';
import { flexibleRule } from './flexible';
import { freeTimeRule } from './freeTime';
import { goalsRule } from './goals';
import { guestVoiceRule } from './guestVoice';
import { languagesRule } from './languages';
import { legsRule } from './legs';
import { meetingRule } from './meeting';
import { participantsRule } from './participants';
import { type Prompt, PROMPT_IDS, type PromptInput, type Rule } from './prompt';
import { proposalsRule } from './proposals';
import { sensitiveRule } from './sensitive';

const RULES: Rule[] = [
  culturalRule,
  participantsRule,
  goalsRule,
  authorshipRule,
  languagesRule,
  flexibleRule,
  continuityRule,
  meetingRule,
  expectationsRule,
  legsRule,
  freeTimeRule,
  chaperonesRule,
  proposalsRule,
  guestVoiceRule,
  sensitiveRule,
];

/** Every prompt that fires now, in catalogue order. The browser and the server run this same code. */
export function computePrompts(input: PromptInput): Prompt[] {
  const order = (p: Prompt) => PROMPT_IDS.indexOf(p.id);
  return RULES.flatMap((rule) => rule(input)).sort((a, b) => order(a) - order(b));
}

/** A prompt as people see it: with the dismissal both sides see, if it was dismissed. */
export type PromptWithDismissal = Prompt & { dismissed?: Dismissal };

/**
 * Every prompt that fires now, each with its dismissal from the `status` document (when that
 * document is at hand): the one function the prompts panel and `GET …/prompts` both call.
 */
export function promptsWithDismissals(input: PromptInput): PromptWithDismissal[] {
  const dismissed = input.status ? dismissalsOf(input.status) : {};
  return computePrompts(input).map((p) => {
    const dismissal = dismissed[p.key];
    return dismissal ? { ...p, dismissed: dismissal } : p;
  });
}

/** Signing waits until no clause drifts or lacks a language (shared/DOMAIN.md). */
export function blocksSigning(prompts: Prompt[]): boolean {
  return prompts.some((p) => p.target.kind === 'clause' && p.severity === 'blocking');
}
