import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorInText, anchorState } from './anchors';

/** A clause version with one paragraph, in a document of its own (one person's copy). */
function clause(text: string): { doc: Y.Doc; fragment: Y.XmlFragment; body: Y.XmlText } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('c/purpose/en');
  const p = new Y.XmlElement('paragraph');
  const body = new Y.XmlText(text);
  p.insert(0, [body]);
  fragment.insert(0, [p]);
  return { doc, fragment, body };
}

function copyOf(doc: Y.Doc) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const p = copy.getXmlFragment('c/purpose/en').get(0) as Y.XmlElement;
  return { doc: copy, fragment: copy.getXmlFragment('c/purpose/en'), body: p.get(0) as Y.XmlText };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('thread anchors', () => {
  it('keep pointing at the quoted words through concurrent edits around and inside them', () => {
    const a = clause('Students visit for two weeks in July.');
    const anchor = anchorInText(a.body, 19, 28); // "two weeks"
    expect(anchor.quote).toBe('two weeks');
    const b = copyOf(a.doc);
    a.body.insert(0, 'All '); // before, on one side
    b.body.insert(b.body.length - 1, ' and August'); // after, concurrently
    b.body.insert(22, ' full'); // inside: "two full weeks"
    sync(a.doc, b.doc);
    for (const side of [a, b]) {
      expect(anchorState(side.fragment, anchor)).toEqual({
        isDetached: false,
        text: 'two full weeks',
      });
    }
  });

  it('detach when the quoted text is deleted, and re-attach when the deletion is undone', () => {
    const { doc, fragment, body } = clause('We share calligraphy and baseball.');
    const anchor = anchorInText(body, 9, 20); // "calligraphy"
    const undo = new Y.UndoManager(fragment, { captureTimeout: 0 });
    body.delete(9, 15); // "calligraphy and "
    expect(anchorState(fragment, anchor)).toEqual({ isDetached: true });
    undo.undo();
    expect(anchorState(fragment, anchor)).toEqual({ isDetached: false, text: 'calligraphy' });
    doc.destroy();
  });

  it('detach when a concurrent edit deletes the whole paragraph', () => {
    const a = clause('Host families meet on a video call.');
    const anchor = anchorInText(a.body, 0, 13);
    const b = copyOf(a.doc);
    b.fragment.delete(0, 1);
    a.body.insert(13, ' and students');
    sync(a.doc, b.doc);
    expect(anchorState(a.fragment, anchor)).toEqual({ isDetached: true });
  });

  it('treat an anchor from another clause or garbage as detached, never as a crash', () => {
    const a = clause('One');
    const other = a.doc.getXmlFragment('c/goals/en');
    expect(anchorState(other, anchorInText(a.body, 0, 3))).toEqual({ isDetached: true });
    expect(anchorState(a.fragment, { from: 'x', to: { nope: 1 }, quote: '' })).toEqual({
      isDetached: true,
    });
  });
});
