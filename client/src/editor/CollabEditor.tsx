import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { directionOf } from '@tandem/shared/i18n/index';
import type { Identity } from '../collab/identity';

interface Props {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  identity: Identity;
  /** Language of the content (not of the UI): sets `lang` and `dir` on the editable root. */
  lang: string;
  label: string;
  /** False for readers and commenters: the server drops their updates anyway. */
  isEditable: boolean;
}

/** A rich-text editor bound to one Y.XmlFragment, with the carets of everyone else in it. */
export function CollabEditor({ fragment, provider, identity, lang, label, isEditable }: Props) {
  const editor = useEditor(
    {
      editable: isEditable,
      extensions: [
        // Collaboration brings its own undo, which only undoes this person's changes.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user: identity }),
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

  return <EditorContent editor={editor} />;
}
