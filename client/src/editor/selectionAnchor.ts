import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Anchor } from '@tandem/shared/doc/anchors';

/** The current selection as a thread anchor, or null when nothing is selected. */
export function selectionAnchor(editor: Editor): Anchor | null {
  const { from, to, empty } = editor.state.selection;
  const quote = editor.state.doc.textBetween(from, to, ' ').trim();
  if (empty || quote === '') return null;
  const sync = ySyncPluginKey.getState(editor.state) as
    | {
        type: Y.XmlFragment;
        binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
      }
    | undefined;
  if (!sync?.binding) return null;
  const relative = (pos: number): unknown =>
    Y.relativePositionToJSON(
      absolutePositionToRelativePosition(
        pos,
        sync.type,
        sync.binding!.mapping,
      ) as Y.RelativePosition,
    );
  return { from: relative(from), to: relative(to), quote };
}
