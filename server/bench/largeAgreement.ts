import { getClauseText, listClauses } from '@tandem/shared/doc/agreement';
import { reply, startThread } from '@tandem/shared/doc/threads';
import { seedAgreement } from '@tandem/shared/doc/template';
import * as Y from 'yjs';

/**
 * A realistic large agreement, built the way people build one: the template's 12 clauses, each
 * written in English and Chinese (about 1,500 words per version, in paragraphs of 150), typed
 * word by word over a year with one word in ten deleted and retyped, and 40 comment threads
 * with replies in its threads document.
 */
export interface LargeAgreement {
  /** The agreement's state (what the server stores once it has compacted the year). */
  agreement: Uint8Array;
  threads: Uint8Array;
  /** Transactions in the year of edits. */
  edits: number;
}

const LANGUAGES = ['en', 'zh-Hans'] as const;
const EN =
  'both schools share their traditions teachers students families visit learn language'.split(' ');
const ZH = ['两校', '分享', '传统', '教师', '学生', '家庭', '访问', '学习', '语言', '合作'];

function typeVersion(doc: Y.Doc, fragment: Y.XmlFragment, lang: string, words: number): number {
  let edits = 0;
  let paragraph: Y.XmlText | null = null;
  for (let w = 0; w < words; w++) {
    doc.transact(() => {
      if (w % 150 === 0) {
        const element = new Y.XmlElement('paragraph');
        paragraph = new Y.XmlText();
        element.insert(0, [paragraph]);
        fragment.insert(fragment.length, [element]);
      }
      const word = lang === 'en' ? `${EN[w % EN.length]} ` : (ZH[w % ZH.length] ?? '');
      paragraph?.insert(paragraph.length, word);
    });
    edits++;
    if (w % 10 === 9 && paragraph) {
      // A word deleted and typed again: the tombstones a year of revising leaves.
      const text: Y.XmlText = paragraph;
      const last = lang === 'en' ? `${EN[w % EN.length]} ` : (ZH[w % ZH.length] ?? '');
      doc.transact(() => text.delete(text.length - last.length, last.length));
      doc.transact(() => text.insert(text.length, last));
      edits += 2;
    }
  }
  return edits;
}

function build(wordsPerVersion: number, threadCount: number): LargeAgreement {
  const doc = new Y.Doc();
  seedAgreement(doc, LANGUAGES, Date.UTC(2026, 0, 5));
  let edits = 1;
  const clauses = listClauses(doc);
  for (const clause of clauses) {
    for (const lang of LANGUAGES) {
      edits += typeVersion(doc, getClauseText(doc, clause.id, lang), lang, wordsPerVersion);
    }
  }
  const threadsDoc = new Y.Doc();
  for (let t = 0; t < threadCount; t++) {
    const clause = clauses[t % clauses.length];
    const lang = LANGUAGES[t % 2] ?? 'en';
    const comment = (k: number) => ({
      id: `comment-${t}-${k}`,
      authorId: `member-${k % 2}`,
      body: `Could we say more about the visits in week ${k + 1}? `.repeat(3),
      mentions: [],
      at: Date.UTC(2026, 0, 5) + t * 86_400_000 + k * 3_600_000,
      timeZone: 'Europe/Madrid',
    });
    startThread(
      threadsDoc,
      { id: `thread-${t}`, target: { clauseId: clause?.id ?? 'purpose', lang }, anchor: null },
      comment(0),
    );
    for (let k = 1; k <= t % 4; k++) reply(threadsDoc, `thread-${t}`, comment(k));
  }
  const built = {
    agreement: Y.encodeStateAsUpdate(doc),
    threads: Y.encodeStateAsUpdate(threadsDoc),
    edits,
  };
  doc.destroy();
  threadsDoc.destroy();
  return built;
}

let cached: { key: string; value: LargeAgreement } | null = null;

/** Built once per bench process (a few seconds); the full size unless `words` says otherwise. */
export function largeAgreement(words = 1_500, threads = 40): LargeAgreement {
  const key = `${words}/${threads}`;
  if (cached?.key !== key) cached = { key, value: build(words, threads) };
  return cached.value;
}

/** One keystroke at the end of the first clause's English version, as the sender types. */
export function typeInClause(doc: Y.Doc): void {
  const fragment = getClauseText(doc, 'purpose', 'en');
  const paragraph = fragment.get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (text instanceof Y.XmlText) text.insert(text.length, 'x');
}
