import { STAKEHOLDERS } from '../doc/agreementSchema';
import { sideAnswers } from '../doc/answers';
import { prompt, type Rule } from './prompt';

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** R-goals (P6): a stakeholder has goals for one side and none for the other. */
export const goalsRule: Rule = ({ agreement }) => {
  if (!agreement) return [];
  return STAKEHOLDERS.flatMap((stakeholder) => {
    const a = hasText(sideAnswers(agreement, 'goals', 'A')?.get(stakeholder));
    const b = hasText(sideAnswers(agreement, 'goals', 'B')?.get(stakeholder));
    if (a === b) return [];
    return [
      prompt(
        'R-goals',
        { kind: 'clause', clauseId: 'goals' },
        { stakeholder, missing: a ? 'B' : 'A' },
        'warning',
        stakeholder,
      ),
    ];
  });
};
