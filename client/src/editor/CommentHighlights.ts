import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A thread's anchor as the editor needs it: two relative positions (JSON) and an id. */
export interface Highlight {
  id: string;
  from: unknown;
  to: unknown;
  isActive: boolean;
}

interface Options {
  /** The current highlights; read on every rebuild, so a ref's current value. */
  highlights: () => readonly Highlight[];
}

/** Dispatch a transaction with this meta to rebuild the highlights (threads changed). */
export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null;
}

function absolute(sync: SyncState, relative: unknown): number | null {
  if (!sync.binding) return null;
  try {
    return relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.createRelativePositionFromJSON(relative),
      sync.binding.mapping,
    );
  } catch {
    return null;
  }
}

function build(state: EditorState, options: Options): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const highlight of options.highlights()) {
    const from = absolute(sync, highlight.from);
    const to = absolute(sync, highlight.to);
    if (from === null || to === null || to <= from) continue;
    decorations.push(
      Decoration.inline(from, to, {
        class: highlight.isActive ? 'comment-highlight is-active' : 'comment-highlight',
        'data-thread': highlight.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Thread highlights as decorations (shared/README.md): computed from the anchors' relative positions,
 * never written into the content, so commenting never edits the text.
 */
export const CommentHighlights = Extension.create<Options>({
  name: 'commentHighlights',
  addOptions() {
    return { highlights: () => [] };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => build(state, options),
          apply: (tr, old, _, state) =>
            tr.docChanged || tr.getMeta(commentHighlightsKey) || tr.getMeta(ySyncPluginKey)
              ? build(state, options)
              : old.map(tr.mapping, tr.doc),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
