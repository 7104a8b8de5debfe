import type { Editor } from '@tiptap/core';
import { useCallback, useMemo } from 'react';
import type { Highlight } from '../../editor/CommentHighlights';
import { editorKey, type ThreadsScope } from './ThreadsContext';

/** A clause's open, anchored threads as editor highlights, and editor registration per language. */
export function useClauseHighlights(
  clauseId: string,
  languages: readonly string[],
  scope: ThreadsScope,
) {
  const { threads, editors } = scope;
  const byLang = useMemo(() => {
    const map = new Map<string, Highlight[]>();
    for (const thread of threads) {
      if (thread.resolved || !thread.anchor || !('clauseId' in thread.target)) continue;
      if (thread.target.clauseId !== clauseId) continue;
      const { lang } = thread.target;
      const highlight = {
        id: thread.id,
        from: thread.anchor.from,
        to: thread.anchor.to,
        isActive: false,
      };
      map.set(lang, [...(map.get(lang) ?? []), highlight]);
    }
    return map;
  }, [threads, clauseId]);
  const highlightsFor = useCallback((lang: string) => byLang.get(lang) ?? NONE, [byLang]);
  const callbacks = useMemo(
    () =>
      new Map(
        languages.map((lang) => [
          lang,
          (editor: Editor | null) => editors.register(editorKey(clauseId, lang), editor),
        ]),
      ),
    [languages, clauseId, editors],
  );
  const onEditorFor = useCallback((lang: string) => callbacks.get(lang), [callbacks]);
  return { highlightsFor, onEditorFor };
}

const NONE: Highlight[] = [];
