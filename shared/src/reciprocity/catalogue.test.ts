import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../i18n/index';
import { RESOURCES } from '../i18n/resources';
import { PROMPT_IDS } from './prompt';

describe('prompt wording', () => {
  it('has a message and a reason for every prompt in every launch language', () => {
    for (const lang of UI_LANGUAGES) {
      for (const id of PROMPT_IDS) {
        const entry = RESOURCES[lang].prompts[id];
        const isWorded =
          typeof entry === 'object' &&
          typeof entry.message === 'string' &&
          entry.message !== '' &&
          typeof entry.why === 'string' &&
          entry.why !== '';
        expect(isWorded, `${lang} ${id}`).toBe(true);
      }
    }
  });
});
