import { useTranslation } from 'react-i18next';
import { fingerprint, plainText } from '@tandem/shared/doc/fingerprint';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { startThread } from '@tandem/shared/doc/threads';
import { directionOf } from '@tandem/shared/i18n/index';
import { wordDiff } from '@tandem/shared/doc/wordDiff';
import { DiffText } from '../../ui/DiffText';
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

  // A proposal starts from the version's text as it reads now.
  const draftLang = isDrafting && 'clauseId' in draft.target ? draft.target.lang : null;
  const current = draftLang ? plainText(getClauseText(content, clauseId, draftLang)) : '';

  const start = (body: string, mentions: string[], isProposal: boolean) => {
    if (!draft || !('clauseId' in draft.target)) return;
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
    // A group, not a landmark: every clause has one.
    <div className="clause-threads" role="group" aria-label={t('sidebar')}>
      {isDrafting && (
        <div className="thread is-draft">
          {draft.anchor && <blockquote>{draft.anchor.quote}</blockquote>}
          <Composer
            key={draft.isProposal ? 'proposal' : 'comment'}
            label={t(draft.isProposal ? 'proposeLabel' : 'newLabel')}
            submitLabel={t(draft.isProposal ? 'propose' : 'post')}
            onSubmit={(body, mentions) => start(body, mentions, draft.isProposal)}
            onCancel={() => setDraft(null)}
            autoFocus
            {...(draft.isProposal && draftLang
              ? {
                  initial: current,
                  preview: (body: string) => (
                    <DiffText
                      parts={wordDiff(current, body, draftLang)}
                      lang={draftLang}
                      dir={directionOf(draftLang)}
                    />
                  ),
                }
              : {})}
          />
        </div>
      )}
      {shown.map((thread) => (
        <ThreadCard key={thread.id} thread={thread} />
      ))}
    </div>
  );
}
