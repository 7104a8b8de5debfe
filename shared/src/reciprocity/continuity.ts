import { SIDES } from '../people';
import { isStaff } from '../permissions';
import { prompt, type Rule } from './prompt';

/** R-continuity (P13, P14): a side with fewer than two named staff, or no leader involved. */
export const continuityRule: Rule = ({ members }) =>
  SIDES.flatMap((side) => {
    const own = members.filter((m) => m.side === side);
    const staff = own.filter((m) => isStaff(m.role)).length;
    const hasLeader = own.some((m) => m.role === 'leader');
    if (staff >= 2 && hasLeader) return [];
    return [
      prompt(
        'R-continuity',
        { kind: 'side', side },
        { side, staff, leader: hasLeader ? 1 : 0 },
        'info',
      ),
    ];
  });
