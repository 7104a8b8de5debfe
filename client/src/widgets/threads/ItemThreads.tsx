import { useTranslation } from 'react-i18next';
import { startThread } from '@tandem/shared/doc/threads';
import { Composer } from './Composer';
import { filterThreads } from './filterThreads';
import { ThreadCard } from './ThreadCard';
import { useThreadsScope } from './ThreadsContext';
import { newComment } from './newComment';

/** The threads on one itinerary item, and a box to start one. */
export function ItemThreads({ itemId }: { itemId: string }) {
  const { t } = useTranslation('comments');
  const { doc, threads, filter, myMemberId, myTimeZone, canComment } = useThreadsScope();
  const shown = filterThreads(
    threads.filter((th) => 'itemId' in th.target && th.target.itemId === itemId),
    filter,
    myMemberId,
  );
  return (
    <div className="item-threads">
      {shown.map((thread) => (
        <ThreadCard key={thread.id} thread={thread} />
      ))}
      {canComment && (
        <Composer
          label={t('newLabel')}
          submitLabel={t('post')}
          onSubmit={(body, mentions) =>
            startThread(
              doc,
              { id: crypto.randomUUID(), target: { itemId }, anchor: null },
              newComment({ memberId: myMemberId, timeZone: myTimeZone }, body, mentions),
            )
          }
        />
      )}
    </div>
  );
}
