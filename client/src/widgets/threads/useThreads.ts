import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { type DocumentName, discussedDocument } from '@tandem/shared/doc/documents';
import { readThreads, threadsType } from '@tandem/shared/doc/threads';
import { type ReadMarks, unreadComments } from '@tandem/shared/doc/unread';
import { permissionFor } from '@tandem/shared/permissions';
import { api } from '../../platform/api';
import { useDocValue } from '../../collab/useDocValue';
import {
  type DraftThread,
  EditorRegistry,
  type ThreadFilter,
  type ThreadsScope,
} from './ThreadsContext';

interface Options {
  partnership: PartnershipView;
  document: DocumentName & `${string}.threads`;
  /** The threads document, and the content its anchors point into. */
  doc: Y.Doc;
  content: Y.Doc;
  timeZone: string;
  /** The content is frozen (the agreement while signing and once signed): no proposals. */
  isContentFrozen?: boolean;
}

/** Everything the thread components need for one threads document. */
export function useThreads({
  partnership,
  document,
  doc,
  content,
  timeZone,
  isContentFrozen = false,
}: Options) {
  const { you } = partnership;
  const base = `/api/partnerships/${partnership.id}/threads/${document}/reads`;
  const types = useMemo(() => [threadsType(doc)], [doc]);
  const threads = useDocValue(types, () => readThreads(doc));
  const [reads, setReads] = useState<ReadMarks | null>(null);
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const [draft, setDraft] = useState<DraftThread | null>(null);
  const [editors] = useState(() => new EditorRegistry());

  useEffect(() => {
    api<{ reads: ReadMarks }>('GET', base).then(
      (answer) => setReads(answer.reads),
      () => setReads({}),
    );
  }, [base]);

  const markRead = useCallback(
    (threadId: string) => {
      setReads((now) => ({ ...now, [threadId]: Date.now() }));
      void api('POST', base, { threadId }).catch(() => undefined);
    },
    [base],
  );
  // Until the read marks arrive nothing is "new": better than flagging everything at once.
  const unread = useMemo(
    () => new Set(reads ? unreadComments(threads, reads, you.memberId).map((c) => c.id) : []),
    [threads, reads, you.memberId],
  );
  const contentDocument = discussedDocument(document);
  const canComment = permissionFor(you.role, you.side, document) === 'edit';

  const scope: ThreadsScope = {
    doc,
    content,
    threads,
    members: partnership.members,
    formerMembers: partnership.formerMembers,
    schoolNames: { A: partnership.sides.A.name, B: partnership.sides.B.name },
    partnershipId: partnership.id,
    schoolLanguages: { A: partnership.sides.A.language, B: partnership.sides.B.language },
    myMemberId: you.memberId,
    myTimeZone: timeZone,
    canComment,
    canPropose: canComment && !isContentFrozen,
    canEditContent:
      !isContentFrozen && permissionFor(you.role, you.side, contentDocument) === 'edit',
    ownLanguage: partnership.sides[you.side].language,
    filter,
    unread,
    markRead,
    draft,
    setDraft,
    editors,
  };
  return { scope, filter, setFilter, unreadCount: unread.size };
}
