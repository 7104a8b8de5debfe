import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as ar from '@zxcvbn-ts/language-ar';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';
import * as fr from '@zxcvbn-ts/language-fr';
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from '@tandem/shared/people';

/** The longest password hashed: scrypt's cost grows with it, and no one types more. */
const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against online attacks. */
const MIN_SCORE = 3;

// The launch languages that zxcvbn-ts has dictionaries for (it has none for Chinese; Chinese
// passwords are mostly typed in pinyin or Latin letters, which the common lists cover).
const estimator = new ZxcvbnFactory({
  dictionary: {
    ...common.dictionary,
    ...en.dictionary,
    ...fr.dictionary,
    ...es.dictionary,
    ...ar.dictionary,
  },
  graphs: common.adjacencyGraphs,
});

/**
 * Why a password is refused, or null when it will do. Words of the person's own (name, email)
 * count as guessable; the reason names the weakest part, so the person can fix it.
 */
export function passwordProblem(
  password: string,
  personal: readonly string[],
): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const inputs = personal.flatMap((text) => [text, ...text.split(/[@.\s_+-]+/)]).filter(Boolean);
  // A password built around one's own name or address is the first thing a guesser tries,
  // however long the rest is.
  const lower = password.toLowerCase();
  if (inputs.some((word) => word.length > 3 && lower.includes(word.toLowerCase()))) {
    return 'personal';
  }
  const result = estimator.check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary' && match.dictionaryName === 'userInputs') return 'personal';
  }
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary' && match.dictionaryName === 'passwords-common') {
      return 'common';
    }
    if (match.pattern === 'sequence') return 'sequence';
    if (match.pattern === 'repeat') return 'repeated';
    if (match.pattern === 'spatial') return 'keyboard';
    if (match.pattern === 'date' || match.pattern === 'regex') return 'date';
  }
  return 'guessable';
}
