import { readItems } from '../doc/itinerary';
import { SIDES } from '../people';
import { itemParams, prompt, type Rule } from './prompt';

/** R-chaperones (P18, P23): a group event without a teacher or without a host-parent chaperone. */
export const chaperonesRule: Rule = ({ legs, members }) => {
  const roles = new Map(members.map((m) => [m.id, m.role]));
  return SIDES.flatMap((leg) => {
    const doc = legs[leg];
    if (!doc) return [];
    return readItems(doc)
      .filter((item) => item.kind === 'group-event' && item.status !== 'dropped')
      .flatMap((item) => {
        const chaperoneRoles = item.chaperones.map((id) => roles.get(id));
        const hasStaff = chaperoneRoles.some(
          (r) => r === 'teacher' || r === 'coordinator' || r === 'leader',
        );
        const hasParent = chaperoneRoles.includes('host-parent');
        if (hasStaff && hasParent) return [];
        return [
          prompt(
            'R-chaperones',
            { kind: 'item', leg, itemId: item.id },
            { ...itemParams(item), staff: hasStaff ? 1 : 0, parent: hasParent ? 1 : 0 },
          ),
        ];
      });
  });
};
