import { prompt, type Rule } from './prompt';

/** Below this many characters the agreement is too young to judge. */
const MIN_CHARACTERS = 200;
const MAX_SHARE = 0.75;

/**
 * R-authorship (P1, P9): one side wrote more than 75 % of the agreement's current text,
 * counted by the server from who inserted the surviving characters.
 */
export const authorshipRule: Rule = ({ authorship }) => {
  if (!authorship) return [];
  const total = authorship.A + authorship.B;
  if (total < MIN_CHARACTERS) return [];
  const side = authorship.A >= authorship.B ? 'A' : 'B';
  const share = authorship[side] / total;
  if (share <= MAX_SHARE) return [];
  return [
    prompt('R-authorship', { kind: 'agreement' }, { side, percent: Math.round(share * 100) }),
  ];
};
