/** One run of a word diff. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many words on a side, the diff shows the whole text replaced (O(n·m) table). */
const MAX_WORDS = 3_000;

/**
 * Words, spaces and punctuation of `text` in `lang`. Intl.Segmenter knows that Chinese and
 * Japanese words are not separated by spaces.
 */
export function words(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The word diff from `before` to `after` (longest common subsequence of words). */
export function wordDiff(before: string, after: string, lang: string): DiffPart[] {
  const a = words(before, lang);
  const b = words(after, lang);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return merge([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
  }
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const here = lcs[i];
    const below = lcs[i + 1];
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ op: 'same', text: a[i++] ?? '' });
      j++;
    } else if (i < a.length && (j === b.length || (below?.[j] ?? 0) >= (here?.[j + 1] ?? 0))) {
      // Removals before additions, so a replaced word reads "old → new".
      parts.push({ op: 'removed', text: a[i++] ?? '' });
    } else {
      parts.push({ op: 'added', text: b[j++] ?? '' });
    }
  }
  return merge(parts);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last?.op === part.op) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
