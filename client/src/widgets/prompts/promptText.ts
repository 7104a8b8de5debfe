import type { TFunction } from 'i18next';
import type { PartnershipView } from '@tandem/shared/api';
import type { Prompt } from '@tandem/shared/reciprocity/prompt';
import { plainDateUtc } from '@tandem/shared/time';
import { languageName } from '../../i18n/languageName';

/** A prompt's parameters as words: school names, language names, translated groups. */
export function promptValues(
  prompt: Prompt,
  partnership: PartnershipView,
  t: TFunction,
  uiLanguage: string,
): Record<string, string | number> {
  const school = (side: unknown) =>
    side === 'A' || side === 'B' ? partnership.sides[side].name : String(side);
  const values: Record<string, string | number> = { ...prompt.params };
  for (const key of ['side', 'fewer', 'more', 'missing', 'only', 'ask', 'leg']) {
    if (key in values) values[key] = school(values[key]);
  }
  if (typeof values.language === 'string')
    values.language = languageName(values.language, uiLanguage);
  if (typeof values.group === 'string') values.group = t(`agreement:participants.${values.group}`);
  if (typeof values.stakeholder === 'string')
    values.stakeholder = t(`agreement:goals.${values.stakeholder}`);
  if (typeof values.kinds === 'string') {
    values.kinds = values.kinds
      .split(',')
      .map((kind) => t(`itinerary:sensitiveKinds.${kind}`))
      .join(', ');
  }
  if (typeof values.date === 'string') {
    values.date = new Intl.DateTimeFormat(uiLanguage, {
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(plainDateUtc(values.date));
  }
  return values;
}

/** Where a prompt's link goes. */
export function promptHref(prompt: Prompt, partnershipId: string): string {
  const { target } = prompt;
  switch (target.kind) {
    case 'clause':
      return `/p/${partnershipId}/agreement#clause-${target.clauseId}`;
    case 'item':
      return `/p/${partnershipId}/itinerary/${target.leg}#item-${target.itemId}`;
    case 'leg':
    case 'day':
      return `/p/${partnershipId}/itinerary/${target.leg}`;
    case 'side':
      // Side prompts are about who takes part: the home's invitations.
      return `/p/${partnershipId}#invite`;
    case 'agreement':
      return `/p/${partnershipId}/agreement`;
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** Opens the prompts panel (a closed `<details>`) before the browser follows a link to it. */
export function openPromptsPanel(): void {
  const panel = document.getElementById('prompts');
  if (panel instanceof HTMLDetailsElement) panel.open = true;
}
