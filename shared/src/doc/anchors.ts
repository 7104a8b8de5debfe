import * as Y from 'yjs';
import { xmlTextString } from './fingerprint';

/**
 * Where a thread points in a clause's text: two Yjs relative positions (which follow the text
 * through concurrent edits) and the quoted text as it was when the thread started.
 */
export interface Anchor {
  from: unknown;
  to: unknown;
  quote: string;
}

/** The text offsets of every Y.XmlText in a fragment, in document order. */
function textStarts(fragment: Y.XmlFragment): {
  starts: Map<Y.AbstractType<unknown>, number>;
  text: string;
} {
  const starts = new Map<Y.AbstractType<unknown>, number>();
  let text = '';
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    starts.set(node as Y.AbstractType<unknown>, text.length);
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        starts.set(child as Y.AbstractType<unknown>, text.length);
        text += xmlTextString(child);
      } else if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
    // Block boundaries count as one character, so a range spanning paragraphs is never empty.
    text += '\n';
  };
  visit(fragment);
  return { starts, text };
}

function isInside(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  for (
    let t: Y.AbstractType<unknown> | null = type;
    t;
    t = t._item?.parent as Y.AbstractType<unknown> | null
  ) {
    if (t === (fragment as Y.AbstractType<unknown>)) return true;
    if (!t._item) return false;
  }
  return false;
}

function offsetOf(
  fragment: Y.XmlFragment,
  starts: Map<Y.AbstractType<unknown>, number>,
  relative: unknown,
): number | null {
  const doc = fragment.doc;
  if (!doc) return null;
  let abs: Y.AbsolutePosition | null;
  try {
    // Follows deletions that an undo restored, so undoing a deletion re-attaches the thread.
    abs = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(relative),
      doc,
      true,
    );
  } catch {
    return null; // not a relative position: a client wrote nonsense
  }
  if (!abs || !isInside(abs.type, fragment)) return null;
  const start = starts.get(abs.type);
  if (start === undefined) return null;
  if (abs.type instanceof Y.XmlText) return start + abs.index;
  // A position between children of an element: the start of the child at that index.
  const child = (abs.type as Y.XmlElement).toArray()[abs.index];
  return child ? (starts.get(child as Y.AbstractType<unknown>) ?? null) : null;
}

/** An anchor's current state: the text it covers, or detached when that text is gone. */
export type AnchorState = { isDetached: false; text: string } | { isDetached: true };

/** Resolves an anchor against the current text of its clause version. */
export function anchorState(fragment: Y.XmlFragment, anchor: Anchor): AnchorState {
  const { starts, text } = textStarts(fragment);
  const from = offsetOf(fragment, starts, anchor.from);
  const to = offsetOf(fragment, starts, anchor.to);
  if (from === null || to === null || to <= from) return { isDetached: true };
  const covered = text.slice(from, to);
  if (covered.trim() === '') return { isDetached: true };
  return { isDetached: false, text: covered.replace(/\n/g, ' ').trim() };
}

/** An anchor over characters `from`..`to` of one Y.XmlText (tests and server-made threads). */
export function anchorInText(text: Y.XmlText, from: number, to: number): Anchor {
  return {
    from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from)),
    // assoc -1: the end sticks to the last quoted character, not to what is typed after it.
    to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, to, -1)),
    quote: xmlTextString(text).slice(from, to),
  };
}
