import { getClauseText, languagesOf, listClauses } from '../doc/agreement';
import { plainText } from '../doc/fingerprint';
import { prompt, type Rule } from './prompt';

/** Numbers, dates and times: head counts and fixed dates belong in plans, not the agreement. */
const HARD_NUMBERS =
  /\d+(?:[.,:/-]\d+)*|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/giu;
/** A clause with this many hard numbers in one language version gets a nudge. */
const PER_CLAUSE = 4;

/** R-flexible (P4, P5): clauses full of hard numbers and dates. Keep the agreement broad. */
export const flexibleRule: Rule = ({ agreement }) => {
  if (!agreement) return [];
  return listClauses(agreement).flatMap((clause) => {
    const most = Math.max(
      0,
      ...languagesOf(agreement).map(
        (lang) =>
          plainText(getClauseText(agreement, clause.id, lang)).match(HARD_NUMBERS)?.length ?? 0,
      ),
    );
    return most >= PER_CLAUSE
      ? [prompt('R-flexible', { kind: 'clause', clauseId: clause.id }, { count: most }, 'info')]
      : [];
  });
};
