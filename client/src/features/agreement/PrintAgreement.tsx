import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import {
  agreementTypes,
  getClauseText,
  isSeeded,
  languagesOf,
  listClauses,
  titlesOf,
} from '@tandem/shared/doc/agreement';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { directionOf } from '@tandem/shared/i18n/index';
import { SIDES } from '@tandem/shared/people';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { usePartnership } from '../../platform/usePartnership';
import type { OpenRoom } from '../../collab/localRooms';
import { useRoom } from '../../collab/useRoom';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { ListItemText, useReciprocalList } from './ReciprocalList';
import { RichText } from './RichText';
import { useDocValue } from '../../collab/useDocValue';
import './agreement.css';

/** The current draft in both languages, laid out for the browser's print and PDF preview. */
export function PrintAgreement({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error } = usePartnership(partnershipId);
  const room = useRoom(formatRoomName({ partnershipId, document: 'agreement' }));
  if (error) return <ErrorMessage error={error} />;
  if (!partnership || !room) return <p>{t('loading')}</p>;
  return <PrintView room={room} partnership={partnership} />;
}

function PrintView({ room, partnership }: { room: OpenRoom; partnership: PartnershipView }) {
  const { t, i18n } = useTranslation(['agreement', 'people']);
  const { account } = useSession();
  const [now] = useState(() => Date.now());
  const types = useMemo(() => agreementTypes(room.doc), [room.doc]);
  const { clauses, languages, titles, isReady } = useDocValue(types, () => ({
    clauses: listClauses(room.doc),
    languages: languagesOf(room.doc),
    titles: titlesOf(room.doc),
    isReady: isSeeded(room.doc),
  }));
  if (!isReady) return <p>{t('loadingAgreement')}</p>;
  const printedAt = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: account?.timeZone ?? undefined,
  }).format(now);

  return (
    <article className="print-view">
      <div className="toolbar no-print">
        <a href={paths.agreement(partnership.id)}>{t('print.back')}</a>
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <header className="columns" data-columns={languages.length}>
        {languages.map((lang) => (
          <h1 key={lang} lang={lang} dir={directionOf(lang)}>
            {titles[lang]}
          </h1>
        ))}
      </header>
      <p>
        {t('print.between', {
          schoolA: partnership.sides.A.name,
          schoolB: partnership.sides.B.name,
        })}
      </p>
      <p className="hint">{t('print.draftOf', { when: printedAt })}</p>
      {clauses.map((clause, index) => (
        <section key={clause.id} className="print-clause">
          <div className="columns" data-columns={languages.length}>
            {languages.map((lang) => (
              <div key={lang} className="column" lang={lang} dir={directionOf(lang)}>
                <h2>
                  {t('clauseNumber', { number: index + 1 })} <bdi>{clause.title[lang]}</bdi>
                </h2>
                <RichText fragment={getClauseText(room.doc, clause.id, lang)} />
              </div>
            ))}
          </div>
          <PrintList doc={room.doc} clauseId={clause.id} partnership={partnership} />
        </section>
      ))}
    </article>
  );
}

/** A clause's reciprocal list (P3), each school's items side by side, read-only. */
function PrintList(props: { doc: Y.Doc; clauseId: string; partnership: PartnershipView }) {
  const { doc, clauseId, partnership } = props;
  const { t } = useTranslation('agreement');
  const items = useReciprocalList(doc, clauseId);
  if (!items) return null;
  return (
    <div className="reciprocal">
      {SIDES.map((side) => {
        const name = t('list.sharedBy', { school: partnership.sides[side].name });
        return (
          <section key={side} aria-label={name}>
            <h3>{name}</h3>
            {items[side].length === 0 ? (
              <p className="hint">{t('list.empty')}</p>
            ) : (
              <ul>
                {items[side].map((item) => (
                  <li key={item.id}>
                    <ListItemText text={item.text} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
