// zxcvbn's estimate, run in a worker thread (strongPassword.ts): its dictionaries take about
// 40 MB of heap, which in the main thread every garbage collection would walk, pausing the
// rooms' fan-out.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as ar from '@zxcvbn-ts/language-ar';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';
import * as fr from '@zxcvbn-ts/language-fr';
import type { PasswordProblem } from '@tandem/shared/people';

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

/** The weakest part of a password, or null when a guesser would not find it. */
export function guessability({
  password,
  inputs,
}: {
  password: string;
  /** The person's own words (name, email and their parts). */
  inputs: string[];
}): PasswordProblem | null {
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
