import { PARTICIPANT_GROUPS } from '../doc/agreementSchema';
import { committedGroups, sideAnswers } from '../doc/answers';
import { SIDES } from '../people';
import { prompt, type Rule } from './prompt';

/** R-participants (P2): the agreement commits to a group one side says it cannot support. */
export const participantsRule: Rule = ({ agreement }) => {
  if (!agreement) return [];
  const committed = committedGroups(agreement);
  return PARTICIPANT_GROUPS.flatMap((group) => {
    if (committed?.get(group) !== true) return [];
    return SIDES.filter(
      (side) => sideAnswers(agreement, 'participants', side)?.get(group) === 'not-feasible',
    ).map((side) =>
      prompt(
        'R-participants',
        { kind: 'clause', clauseId: 'participants' },
        { group, side },
        'warning',
        `${group}:${side}`,
      ),
    );
  });
};
