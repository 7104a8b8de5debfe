import { prompt, type Rule } from './prompt';

/** Below this many words the agreement is too young to judge. */
const MIN_WORDS = 40;
const MAX_SHARE = 0.75;

/**
 * R-authorship (P1, P9): one side wrote more than 75 % of the agreement's current text, in
 * words as each language splits them, counted by the server from who inserted the surviving
 * text (server/src/rooms/authorship.ts): the same content in English and in Chinese weighs the
 * same, and an accepted proposal counts for its proposer.
 */
export const authorshipRule: Rule = ({ authorship }) => {
  if (!authorship) return [];
  const total = authorship.A + authorship.B;
  if (total < MIN_WORDS) return [];
  const side = authorship.A >= authorship.B ? 'A' : 'B';
  const share = authorship[side] / total;
  if (share <= MAX_SHARE) return [];
  return [
    prompt('R-authorship', { kind: 'agreement' }, { side, percent: Math.round(share * 100) }),
  ];
};
