import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorState } from '@tandem/shared/doc/anchors';
import { getClauseText } from '@tandem/shared/doc/agreement';
import {
  type Comment,
  deleteComment,
  editComment,
  reanchor,
  reply,
  setResolved,
  type Thread,
} from '@tandem/shared/doc/threads';
import { directionOf } from '@tandem/shared/i18n/index';
import { selectionAnchor } from '../../editor/selectionAnchor';
import { useDocValue } from '../../collab/useDocValue';
import { commentTimes } from './commentTime';
import { Composer } from './Composer';
import type { Side } from '@tandem/shared/people';
import { editorKey, useThreadsScope } from './ThreadsContext';
import { ProposalView } from './ProposalView';
import { newComment } from './newComment';
import { MachineTranslation } from '../translation/MachineTranslation';

/** One thread: what it points at, its comments, reply, resolve or reopen. */
export function ThreadCard({ thread }: { thread: Thread }) {
  const { t } = useTranslation('comments');
  const scope = useThreadsScope();
  const { doc, content, canComment, myMemberId, myTimeZone, unread, markRead } = scope;
  const target = 'clauseId' in thread.target ? thread.target : null;
  const { anchor } = thread;
  const fragment = target ? getClauseText(content, target.clauseId, target.lang) : null;
  // Follows the text it points at: an edit there may move it, or delete it (detached).
  const types = useMemo(() => (fragment && anchor ? [fragment] : []), [fragment, anchor]);
  const state = useDocValue(types, () =>
    fragment && anchor ? anchorState(fragment, anchor) : null,
  );
  const isDetached = state?.isDetached === true;
  const hasUnread = thread.comments.some((c) => unread.has(c.id));
  const [problem, setProblem] = useState<string | null>(null);
  const comment = (body: string, mentions: string[]) =>
    newComment({ memberId: myMemberId, timeZone: myTimeZone }, body, mentions);
  const reattach = () => {
    const editor = target && scope.editors.get(editorKey(target.clauseId, target.lang));
    const anchor = editor ? selectionAnchor(editor) : null;
    if (!anchor) return setProblem(t('reanchorHint'));
    setProblem(null);
    reanchor(doc, thread.id, anchor);
  };

  return (
    <article
      className={`thread${thread.resolved ? ' is-resolved' : ''}${isDetached ? ' is-detached' : ''}`}
      aria-label={t('threadLabel', { quote: thread.anchor?.quote ?? '' })}
      data-thread={thread.id}
    >
      {thread.anchor && (
        <blockquote lang={target?.lang} dir={target ? directionOf(target.lang) : undefined}>
          {state && !state.isDetached ? state.text : thread.anchor.quote}
        </blockquote>
      )}
      {isDetached && (
        <p className="notice" role="note">
          {t('detached')}
          {canComment && (
            <button type="button" className="link" onClick={reattach}>
              {t('reanchor')}
            </button>
          )}
        </p>
      )}
      {problem && <p className="hint">{problem}</p>}
      {thread.proposal && target && <ProposalView thread={thread} target={target} />}
      <ol className="comments">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} threadId={thread.id} comment={c} isNew={unread.has(c.id)} />
        ))}
      </ol>
      {thread.resolved && <p className="hint">{t('resolved')}</p>}
      {canComment && (
        <>
          <Composer
            label={t('replyLabel')}
            submitLabel={t('reply')}
            onSubmit={(body, mentions) => {
              reply(doc, thread.id, comment(body, mentions));
              markRead(thread.id);
            }}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setResolved(doc, thread.id, !thread.resolved, myMemberId, Date.now());
              markRead(thread.id);
            }}
          >
            {t(thread.resolved ? 'reopen' : 'resolve')}
          </button>
        </>
      )}
      {hasUnread && (
        <button type="button" className="link" onClick={() => markRead(thread.id)}>
          {t('markRead')}
        </button>
      )}
    </article>
  );
}

function CommentItem(props: { threadId: string; comment: Comment; isNew: boolean }) {
  const { t, i18n } = useTranslation('comments');
  const { doc, myMemberId, myTimeZone, canComment, partnershipId, schoolLanguages } =
    useThreadsScope();
  const { threadId, comment, isNew } = props;
  const [isEditing, setIsEditing] = useState(false);
  const author = useAuthor(comment.authorId);
  const times = commentTimes(comment.createdAt, comment.timeZone, myTimeZone, i18n.language);
  const isMine = comment.authorId === myMemberId && canComment && comment.deletedAt === null;
  return (
    <li className="comment">
      <p className="comment-meta">
        <strong>{author.name}</strong> <time>{times.reader}</time>
        {times.writer && <span className="hint"> {t('writerTime', { time: times.writer })}</span>}
        {isNew && <span className="badge badge-warn">{t('new')}</span>}
      </p>
      {isEditing ? (
        <Composer
          label={t('editLabel')}
          submitLabel={t('save')}
          initial={comment.body}
          autoFocus
          onSubmit={(body) => {
            editComment(doc, threadId, comment.id, body, Date.now());
            setIsEditing(false);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : comment.deletedAt !== null ? (
        <p className="hint">{t('deleted')}</p>
      ) : (
        <p dir="auto" className="comment-body">
          <WithMentions body={comment.body} mentions={comment.mentions} />
          {comment.editedAt !== null && <span className="hint"> {t('edited')}</span>}
        </p>
      )}
      {author.side && comment.deletedAt === null && !isEditing && (
        <MachineTranslation
          partnershipId={partnershipId}
          text={() => comment.body}
          from={schoolLanguages[author.side]}
          to={i18n.language}
          label="translate"
        />
      )}
      {isMine && !isEditing && (
        <div className="comment-actions">
          <button type="button" className="link" onClick={() => setIsEditing(true)}>
            {t('edit')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => deleteComment(doc, threadId, comment.id, Date.now())}
          >
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A comment's text with each mention of a member shown as a chip. */
function WithMentions({ body, mentions }: { body: string; mentions: readonly string[] }) {
  const { members } = useThreadsScope();
  const names = members.filter((m) => mentions.includes(m.id)).map((m) => `@${m.name}`);
  if (names.length === 0) return body;
  // Longest first, so "@Ana Alvarez" wins over "@Ana".
  const escaped = names
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = body.split(new RegExp(`(${escaped.join('|')})`, 'u'));
  return parts.map((part, i) =>
    names.includes(part) ? (
      <bdi key={i} className="mention-chip">
        {part}
      </bdi>
    ) : (
      part
    ),
  );
}

/**
 * Who wrote a comment and for which school; someone who left is "a former member of <their
 * school>" (the school unknown only for comments from before leavers were kept).
 */
function useAuthor(memberId: string): { name: string; side: Side | null } {
  const { t } = useTranslation('comments');
  const { members, formerMembers, schoolNames } = useThreadsScope();
  const writer = members.find((m) => m.id === memberId);
  if (writer) return writer;
  const former = formerMembers.find((m) => m.id === memberId);
  if (!former) return { name: t('formerMember'), side: null };
  return { name: t('formerMemberOf', { school: schoolNames[former.side] }), side: former.side };
}
