import { describe, expect, it } from 'vitest';
import type { PromptState } from '../../widgets/prompts/usePrompts';
import { promptsFor } from './legPrompts';

const prompt = (id: string, target: PromptState['target'], params = {}) =>
  ({
    id,
    key: `${id}:${JSON.stringify(target)}`,
    severity: 'warning',
    target,
    params,
  }) as PromptState;

const all = [
  prompt('R-language-missing', { kind: 'item', leg: 'A', itemId: 'i1' }),
  prompt('R-free-time', { kind: 'day', leg: 'A', date: '2027-08-04' }),
  prompt('R-legs', { kind: 'agreement' }),
  prompt('R-proposals', { kind: 'leg', leg: 'A' }, { only: 'A', ask: 'B' }),
];

describe('the prompts each person sees on a leg', () => {
  it('gives coordinators all, host editors their items and days, visitors what asks them', () => {
    expect(promptsFor(all, { role: 'coordinator', side: 'B', canEdit: false })).toHaveLength(4);
    expect(
      promptsFor(all, { role: 'host-parent', side: 'A', canEdit: true }).map((p) => p.id),
    ).toEqual(['R-language-missing', 'R-free-time', 'R-proposals']);
    expect(
      promptsFor(all, { role: 'host-parent', side: 'B', canEdit: false }).map((p) => p.id),
    ).toEqual(['R-proposals']);
  });
});
