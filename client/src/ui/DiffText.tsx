import type { DiffPart } from '@tandem/shared/doc/wordDiff';

/** A word diff: removed words struck through, added ones underlined (not by colour alone). */
export function DiffText({ parts, lang, dir }: { parts: DiffPart[]; lang: string; dir: string }) {
  return (
    <p className="diff-text" lang={lang} dir={dir}>
      {parts.map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}
