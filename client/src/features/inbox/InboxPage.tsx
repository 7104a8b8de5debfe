import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@tandem/shared/api';
import { api } from '../../platform/api';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { commentTimes } from '../../widgets/threads/commentTime';
import { ErrorMessage } from '../../platform/ErrorMessage';

interface Inbox {
  total: number;
  items: InboxItem[];
  isEmailOn: boolean;
}

/** What is new in a partnership's threads since this person last read them. */
export function InboxPage({ partnershipId }: { partnershipId: string }) {
  const { t, i18n } = useTranslation('comments');
  const { account } = useSession();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Inbox>('GET', `/api/partnerships/${partnershipId}/inbox`).then(setInbox, setError);
  }, [partnershipId]);
  if (error) return <ErrorMessage error={error} />;
  if (!inbox) return <p>{t('loading')}</p>;
  const readerZone = account?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <section className="inbox">
      <p>
        <a href={paths.partnership(partnershipId)}>{t('backToPartnership')}</a>
      </p>
      <h1>{t('inbox.title')}</h1>
      <p className="hint">{t(inbox.isEmailOn ? 'inbox.emailOn' : 'inbox.emailOff')}</p>
      {inbox.items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <>
          <p>{t('newSince', { count: inbox.total })}</p>
          <ul className="plain-list">
            {inbox.items.map((item) => {
              const times = commentTimes(
                item.last.createdAt,
                item.last.timeZone,
                readerZone,
                i18n.language,
              );
              return (
                <li key={`${item.document}/${item.threadId}`} className="card">
                  <h2 className="inbox-place">
                    <a href={hrefOf(partnershipId, item)}>
                      <bdi>{titleFor(item.place, i18n.language) || t('inbox.untitled')}</bdi>
                    </a>
                  </h2>
                  {item.quote && <blockquote dir="auto">{item.quote}</blockquote>}
                  <p>
                    <strong>{item.last.author}</strong> <time>{times.reader}</time>
                    {times.writer && (
                      <span className="hint"> {t('writerTime', { time: times.writer })}</span>
                    )}
                  </p>
                  <p dir="auto">{item.last.body}</p>
                  <p className="hint">{t('inbox.unread', { count: item.unread })}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The title in the reader's language, else any language it has. */
function titleFor(place: Record<string, string>, language: string): string {
  return place[language]?.trim() || Object.values(place).find((title) => title.trim()) || '';
}

/** Straight to the clause or item the thread is about. */
function hrefOf(partnershipId: string, item: InboxItem): string {
  if ('clauseId' in item.target)
    return `${paths.agreement(partnershipId)}#clause-${item.target.clauseId}`;
  const side = item.document.startsWith('itinerary.B') ? 'B' : 'A';
  return `${paths.itinerary(partnershipId, side)}#item-${item.target.itemId}`;
}
