import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import './editor.css';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { directionOf } from '@tandem/shared/i18n/index';
import type { Identity } from '../collab/identity';
import { CommentHighlights, commentHighlightsKey, type Highlight } from './CommentHighlights';
import { FormatToolbar } from './FormatToolbar';
import { type MachineDraft, MachineDraftBar } from './MachineDraftBar';
import { MachineTranslationMark } from './MachineTranslationMark';

interface Props {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  identity: Identity;
  /** Language of the content (not of the UI): sets `lang` and `dir` on the editable root. */
  lang: string;
  label: string;
  /** False for readers and commenters: the server drops their updates anyway. */
  isEditable: boolean;
  /** Threads anchored in this text, shown as highlights. */
  highlights?: readonly Highlight[];
  /** Drafting help from the partner's version, for one's own column (P10). */
  machineDraft?: MachineDraft;
  /** Called with the editor once it exists (and null when it goes), e.g. to comment on a selection. */
  onEditor?: (editor: Editor | null) => void;
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/**
 * A rich-text editor bound to one Y.XmlFragment, with the carets of everyone else in it and,
 * for those who may write, a formatting toolbar.
 */
export function CollabEditor(props: Props) {
  const { fragment, provider, identity, lang, label, isEditable, onEditor } = props;
  const highlights = props.highlights ?? NO_HIGHLIGHTS;
  const highlightsRef = useRef(highlights);
  const editor = useEditor(
    {
      editable: isEditable,
      // Tiptap would add its base styles in a <style> element, which the Content Security
      // Policy refuses; they are in editor.css instead.
      injectCSS: false,
      extensions: [
        // Collaboration brings its own undo, which only undoes this person's changes.
        StarterKit.configure({ undoRedo: false }),
        MachineTranslationMark,
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider,
          user: identity,
          // The default paints selections with a style attribute, which the Content Security
          // Policy refuses; a class keeps them visible.
          selectionRender: () => ({ nodeName: 'span', class: 'collaboration-carets__selection' }),
        }),
        // Read when ProseMirror rebuilds decorations, never during React's render.
        // eslint-disable-next-line react-hooks/refs
        CommentHighlights.configure({ highlights: () => highlightsRef.current }),
      ],
      editorProps: {
        attributes: {
          lang,
          dir: directionOf(lang),
          'aria-label': label,
          'aria-multiline': 'true',
          'aria-readonly': String(!isEditable),
          role: 'textbox',
          class: 'editor',
        },
      },
    },
    [fragment, provider, lang, label],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(identity);
  }, [editor, identity]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  useEffect(() => {
    highlightsRef.current = highlights;
    if (editor && !editor.isDestroyed) {
      editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
    }
  }, [editor, highlights]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <>
      {editor && isEditable && <FormatToolbar editor={editor} label={label} />}
      {editor && isEditable && props.machineDraft && (
        <MachineDraftBar editor={editor} draft={props.machineDraft} />
      )}
      <EditorContent editor={editor} />
    </>
  );
}
