import * as Y from 'yjs';
import { MACHINE_MARK } from '@tandem/shared/doc/machineText';

/** An accepted proposal: its text, now in the agreement, is its proposer's writing. */
export interface Credit {
  clauseId: string;
  lang: string;
  text: string;
  memberId: string;
}

/** One language column's surviving text, and who introduced each stretch of it. */
interface Run {
  text: string;
  owner: string | undefined;
}

const COLUMN = /^c\/([^/]+)\/([^/]+)$/;
const segmenters = new Map<string, Intl.Segmenter>();

function wordsIn(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Words written per member in the agreement's clause texts (R-authorship). Each language
 * column is split into words the way that language splits them (`Intl.Segmenter`: "schools"
 * is one word, and so is "学校"), so the same content written in English by one school and in
 * Chinese by the other counts about the same. A word belongs to whoever introduced its first
 * character (the clientID's owner, never client data). A paragraph that is exactly a line of
 * an accepted proposal belongs to the proposer, not to the person who pressed accept.
 */
export function countAuthorship(
  doc: Y.Doc,
  owners: ReadonlyMap<number, string>,
  credits: readonly Credit[] = [],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [name, type] of doc.share) {
    const column = COLUMN.exec(name);
    if (!column || !(type instanceof Y.AbstractType)) continue;
    const [, clauseId, lang] = column as unknown as [string, string, string];
    const credited = credits.filter((c) => c.clauseId === clauseId && c.lang === lang);
    let fragment: Y.XmlFragment;
    try {
      fragment = doc.getXmlFragment(name);
    } catch {
      continue; // not a rich text (the write rules refuse that; nothing to count)
    }
    countWords(runsOf(fragment, owners, credited), lang, counts);
  }
  return counts;
}

/** The column's paragraphs as runs of one owner, a line break between paragraphs. */
function runsOf(
  fragment: Y.XmlFragment,
  owners: ReadonlyMap<number, string>,
  credits: readonly Credit[],
): Run[] {
  const runs: Run[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const paragraph: Run[] = [];
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) paragraph.push(...textRuns(child, owners));
    }
    const line = paragraph
      .map((r) => r.text)
      .join('')
      .trim();
    const credit = line
      ? credits.find((c) => c.text.split('\n').some((l) => l.trim() === line))
      : undefined;
    runs.push(...(credit ? [{ text: line, owner: credit.memberId }] : paragraph));
    runs.push({ text: '\n', owner: undefined });
  }
  return runs;
}

/**
 * A text's surviving characters, item by item, with the member who introduced each; machine
 * translation nobody has confirmed yet (the machine mark, P10) is nobody's writing.
 */
function textRuns(text: Y.XmlText, owners: ReadonlyMap<number, string>): Run[] {
  const runs: Run[] = [];
  let isMachine = false;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentFormat && item.content.key === MACHINE_MARK) {
      isMachine = item.content.value !== null;
    }
    if (!(item.content instanceof Y.ContentString)) continue;
    runs.push({
      text: item.content.str,
      owner: isMachine ? undefined : owners.get(item.id.client),
    });
  }
  return runs;
}

function countWords(runs: readonly Run[], lang: string, counts: Map<string, number>): void {
  const text = runs.map((r) => r.text).join('');
  // The owner of each run, by the offset where it starts.
  const starts: number[] = [];
  let offset = 0;
  for (const run of runs) {
    starts.push(offset);
    offset += run.text.length;
  }
  let at = 0;
  for (const segment of wordsIn(lang).segment(text)) {
    if (!segment.isWordLike) continue;
    while (at + 1 < starts.length && (starts[at + 1] ?? Infinity) <= segment.index) at++;
    const owner = runs[at]?.owner;
    if (owner !== undefined) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
}
