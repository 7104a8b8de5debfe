import { useTranslation } from 'react-i18next';
import { fingerprint, plainText } from '@tandem/shared/doc/fingerprint';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { startThread } from '@tandem/shared/doc/threads';
import { Composer } from './Composer';
import { filterThreads } from './filterThreads';
import { ThreadCard } from './ThreadCard';
import { useThreadsScope } from './ThreadsContext';
import { newComment } from './newComment';

/** The threads of one clause (both languages), beside its row, and the one being started. */
export function ClauseThreads({ clauseId }: { clauseId: string }) {
  const { t } = useTranslation('comments');
  const scope = useThreadsScope();
  const { doc, content, threads, filter, myMemberId, myTimeZone, draft, setDraft } = scope;
  const shown = filterThreads(
    threads.filter((th) => 'clauseId' in th.target && th.target.clauseId === clauseId),
    filter,
    myMemberId,
  );
  const isDrafting =
    draft !== null && 'clauseId' in draft.target && draft.target.clauseId === clauseId;

  const start = (body: string, mentions: string[], isProposal: boolean) => {
    if (!draft || !('clauseId' in draft.target)) return;
    const { lang } = draft.target;
    const current = plainText(getClauseText(content, clauseId, lang));
    startThread(
      doc,
      {
        id: crypto.randomUUID(),
        target: draft.target,
        anchor: draft.anchor,
        ...(isProposal
          ? { proposal: { text: body, baseHash: fingerprint(current), state: 'open' } }
          : {}),
      },
      newComment({ memberId: myMemberId, timeZone: myTimeZone }, body, mentions),
    );
    setDraft(null);
  };

  return (
    <aside className="clause-threads" aria-label={t('sidebar')}>
      {isDrafting && (
        <div className="thread is-draft">
          {draft.anchor && <blockquote>{draft.anchor.quote}</blockquote>}
          <Composer
            label={t(draft.isProposal ? 'proposeLabel' : 'newLabel')}
            submitLabel={t(draft.isProposal ? 'propose' : 'post')}
            onSubmit={(body, mentions) => start(body, mentions, draft.isProposal)}
            onCancel={() => setDraft(null)}
          />
        </div>
      )}
      {shown.map((thread) => (
        <ThreadCard key={thread.id} thread={thread} />
      ))}
    </aside>
  );
}
