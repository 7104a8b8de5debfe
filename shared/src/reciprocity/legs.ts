import { readItems, readMeta } from '../doc/itinerary';
import { legSummary } from '../doc/legSummary';
import { prompt, type Rule } from './prompt';

/** R-legs (P17): the two hosting legs differ in length, group events or cost to families. */
export const legsRule: Rule = ({ legs }) => {
  const summaries = (['A', 'B'] as const).map((leg) => {
    const doc = legs[leg];
    const meta = doc && readMeta(doc);
    return doc && meta ? legSummary(meta, readItems(doc)) : null;
  });
  const [a, b] = summaries;
  if (!a || !b) return [];
  const prompts = [];
  if (a.days !== b.days)
    prompts.push(prompt('R-legs', { kind: 'agreement' }, { A: a.days, B: b.days }, 'info', 'days'));
  // Only once both legs are being planned: an empty leg is not yet a difference.
  const isPlanned = a.groupEvents + b.groupEvents > 0 && Math.min(a.groupEvents, b.groupEvents) > 0;
  if (
    isPlanned &&
    Math.abs(a.groupEvents - b.groupEvents) >
      Math.max(2, Math.max(a.groupEvents, b.groupEvents) / 3)
  ) {
    prompts.push(
      prompt(
        'R-legs',
        { kind: 'agreement' },
        { A: a.groupEvents, B: b.groupEvents },
        'info',
        'events',
      ),
    );
  }
  for (const currency of new Set([...Object.keys(a.familyCost), ...Object.keys(b.familyCost)])) {
    const costA = a.familyCost[currency] ?? 0;
    const costB = b.familyCost[currency] ?? 0;
    if (Math.max(costA, costB) > 1.5 * Math.min(costA, costB)) {
      prompts.push(
        prompt(
          'R-legs',
          { kind: 'agreement' },
          { currency, A: costA, B: costB },
          'info',
          `cost:${currency}`,
        ),
      );
    }
  }
  return prompts;
};
