import { LIST_KINDS } from '../doc/agreementSchema';
import { listClauses } from '../doc/agreement';
import { readList } from '../doc/answers';
import { prompt, type Rule } from './prompt';

/**
 * R-cultural (P3, P9): a reciprocal list with items from one side only, or where one side
 * has under half the other's. A one-sided list quietly says one culture matters more.
 */
export const culturalRule: Rule = ({ agreement }) => {
  if (!agreement) return [];
  return listClauses(agreement)
    .filter((clause) => LIST_KINDS.includes(clause.kind))
    .flatMap((clause) => {
      const a = readList(agreement, clause.id, 'A').length;
      const b = readList(agreement, clause.id, 'B').length;
      if (a === 0 && b === 0) return [];
      const [more, fewer] = a >= b ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const counts = { A: a, B: b };
      if (counts[fewer] * 2 >= counts[more]) return [];
      return [
        prompt(
          'R-cultural',
          { kind: 'clause', clauseId: clause.id },
          { fewer, more, fewerCount: counts[fewer], moreCount: counts[more] },
        ),
      ];
    });
};
