import { useTranslation } from 'react-i18next';
import { getClauseText } from '@tandem/shared/doc/agreement';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { isProposalStale, replaceClauseText } from '@tandem/shared/doc/proposals';
import { setProposalState, setResolved, type Thread } from '@tandem/shared/doc/threads';
import { wordDiff } from '@tandem/shared/doc/wordDiff';
import { directionOf } from '@tandem/shared/i18n/index';
import { DiffText } from '../../ui/DiffText';
import { useThreadsScope } from './ThreadsContext';

/**
 * A proposed replacement for one clause version: a word diff against the text now, a flag when
 * that text changed since the proposal was written, and accept (one step) or decline for editors.
 */
export function ProposalView(props: {
  thread: Thread;
  target: { clauseId: string; lang: string };
}) {
  const { t } = useTranslation('comments');
  const { doc, content, canEditContent, ownLanguage, myMemberId } = useThreadsScope();
  const { thread, target } = props;
  const proposal = thread.proposal;
  if (!proposal) return null;
  const now = plainText(getClauseText(content, target.clauseId, target.lang));
  const parts = wordDiff(now, proposal.text, target.lang);
  const isOpen = proposal.state === 'open';
  const settle = (state: 'accepted' | 'declined') => {
    if (state === 'accepted')
      replaceClauseText(content, target.clauseId, target.lang, proposal.text);
    doc.transact(() => {
      setProposalState(doc, thread.id, state);
      setResolved(doc, thread.id, true, myMemberId, Date.now());
    });
  };
  return (
    <div className="proposal">
      <p className="hint">{t(`proposal.${proposal.state}`)}</p>
      {isOpen && isProposalStale(content, thread) && (
        <p className="notice" role="note">
          {t('proposal.stale')}
        </p>
      )}
      <DiffText parts={parts} lang={target.lang} dir={directionOf(target.lang)} />
      {isOpen && canEditContent && target.lang === ownLanguage && (
        <div className="composer-actions">
          <button type="button" onClick={() => settle('accepted')}>
            {t('proposal.accept')}
          </button>
          <button type="button" className="secondary" onClick={() => settle('declined')}>
            {t('proposal.decline')}
          </button>
        </div>
      )}
    </div>
  );
}
