import { readItems } from '../doc/itinerary';
import { SIDES } from '../people';
import { prompt, type Rule } from './prompt';

/**
 * R-guest-voice (P3, P9): a leg where the visiting students never share their own culture
 * (no item marked so). Hosting is not only showing: guests bring something too.
 */
export const guestVoiceRule: Rule = ({ legs }) =>
  SIDES.flatMap((leg) => {
    const doc = legs[leg];
    if (!doc) return [];
    const items = readItems(doc).filter((i) => i.status !== 'dropped');
    if (items.length === 0 || items.some((i) => i.guestsShare)) return [];
    return [prompt('R-guest-voice', { kind: 'leg', leg }, { leg }, 'info')];
  });
