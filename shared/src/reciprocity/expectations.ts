import { EXPECTATIONS } from '../doc/agreementSchema';
import { sideAnswers } from '../doc/answers';
import { SIDES } from '../people';
import { prompt, type Rule } from './prompt';

/**
 * R-expectations (P15): a side has not answered an expectations question yet. The questions sit
 * in the roles-and-communication clause, so that is where the prompt points.
 */
/** The template clause holding the expectations questions (its id is its kind). */
const EXPECTATIONS_CLAUSE = 'roles-communication';

export const expectationsRule: Rule = ({ agreement }) => {
  if (!agreement) return [];
  return SIDES.flatMap((side) => {
    const answers = sideAnswers(agreement, 'expectations', side);
    if (!answers) return [];
    const missing = EXPECTATIONS.filter((q) => {
      const value = answers.get(q);
      return typeof value !== 'string' || value.trim() === '';
    });
    if (missing.length === 0) return [];
    return [
      prompt(
        'R-expectations',
        { kind: 'clause', clauseId: EXPECTATIONS_CLAUSE },
        { side, count: missing.length },
        'info',
        side,
      ),
    ];
  });
};
