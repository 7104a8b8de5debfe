import { readItems } from '../doc/itinerary';
import { otherSide, SIDES } from '../people';
import { prompt, type Rule } from './prompt';

/** Fewer items than this is too early to tell who is planning. */
const MIN_ITEMS = 3;

/** R-proposals (P19): every activity of a leg was proposed by one side; ask the other side. */
export const proposalsRule: Rule = ({ legs }) =>
  SIDES.flatMap((leg) => {
    const doc = legs[leg];
    if (!doc) return [];
    const items = readItems(doc).filter((i) => i.status !== 'dropped');
    if (items.length < MIN_ITEMS) return [];
    const proposers = new Set(items.map((i) => i.proposedBy));
    if (proposers.size !== 1) return [];
    const only = items[0]?.proposedBy ?? leg;
    return [prompt('R-proposals', { kind: 'leg', leg }, { leg, only, ask: otherSide(only) })];
  });
