import type { Editor } from '@tiptap/core';
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Side } from '@tandem/shared/people';
import type { MemberView, PartnershipView } from '@tandem/shared/api';
import type { Anchor } from '@tandem/shared/doc/anchors';
import type { Thread, ThreadTarget } from '@tandem/shared/doc/threads';

/** Which threads the sidebar shows. */
export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'mentions';

/** A thread someone is starting: its target and anchor, before the first comment is written. */
export interface DraftThread {
  target: ThreadTarget;
  anchor: Anchor | null;
  /** A proposal carries replacement text for a clause version instead of a comment. */
  isProposal: boolean;
}

/** What every thread component works with, for one threads document. */
export interface ThreadsScope {
  doc: Y.Doc;
  /** The content document the anchors point into. */
  content: Y.Doc;
  threads: Thread[];
  members: MemberView[];
  /** Who left, and from which school: their comments read "a former member of <school>". */
  formerMembers: PartnershipView['formerMembers'];
  schoolNames: Record<Side, string>;
  partnershipId: string;
  /** Each school's language: what its members' comments are taken to be written in. */
  schoolLanguages: Record<Side, string>;
  myMemberId: string;
  myTimeZone: string;
  canComment: boolean;
  /** Whether new text may be proposed (not while the agreement is frozen). */
  canPropose: boolean;
  /** Editors of the content may accept proposals (not while it is frozen). */
  canEditContent: boolean;
  /** The agreement version this person's school writes: proposals for it are theirs to accept. */
  ownLanguage: string;
  filter: ThreadFilter;
  /** Unread comment ids (by others, since this person last read the thread). */
  unread: ReadonlySet<string>;
  markRead: (threadId: string) => void;
  draft: DraftThread | null;
  setDraft: (draft: DraftThread | null) => void;
  /** The editor of each clause version, to comment on its selection. */
  editors: EditorRegistry;
}

export const ThreadsContext = createContext<ThreadsScope | null>(null);

export function useThreadsScope(): ThreadsScope {
  const scope = useContext(ThreadsContext);
  if (!scope) throw new Error('useThreadsScope outside a threads view');
  return scope;
}

/** Key of a clause version in `editors`. */
export function editorKey(clauseId: string, lang: string): string {
  return `${clauseId}/${lang}`;
}

/** The editors on the page by `clauseId/lang`; editors register themselves as they mount. */
export class EditorRegistry {
  private readonly editors = new Map<string, Editor>();

  get(key: string): Editor | undefined {
    return this.editors.get(key);
  }

  register(key: string, editor: Editor | null): void {
    if (editor) this.editors.set(key, editor);
    else this.editors.delete(key);
  }
}
