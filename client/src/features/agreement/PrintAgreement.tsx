import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipView } from '@tandem/shared/api';
import { agreementTypes, isSeeded } from '@tandem/shared/doc/agreement';
import { type Block, layoutAgreement } from '@tandem/shared/doc/agreementLayout';
import { agreementModel } from '@tandem/shared/doc/agreementModel';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { directionOf } from '@tandem/shared/i18n/index';
import { paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { usePartnership } from '../../platform/usePartnership';
import type { OpenRoom } from '../../collab/localRooms';
import { useRoom } from '../../collab/useRoom';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useDocValue } from '../../collab/useDocValue';
import './agreement.css';

/**
 * The agreement as it would be signed, laid out for the browser's print and PDF preview: the
 * same model and blocks as the signed PDF (clause texts, lists, answers, the meeting slot).
 */
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
  // The same model and layout the signed PDF is drawn from: what is previewed is what is signed.
  const { model, isReady } = useDocValue(types, () => ({
    model: agreementModel(room.doc, partnership.sides, now),
    isReady: isSeeded(room.doc),
  }));
  const clauses = useMemo(() => layoutAgreement(model), [model]);
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
      <header className="columns" data-columns={model.languages.length}>
        {model.languages.map((lang) => (
          <h1 key={lang} lang={lang} dir={directionOf(lang)}>
            {model.title[lang]}
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
      {clauses.map((clause) => (
        <section key={clause.id} className="print-clause">
          {clause.blocks.map((block, i) => (
            <PrintBlock key={i} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}

/** One block of the shared layout (agreementLayout.ts), as the signed PDF draws it too. */
function PrintBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <h2 lang={block.lang} dir={directionOf(block.lang)}>
          {block.text}
        </h2>
      );
    case 'text':
      return (
        <div lang={block.lang} dir={directionOf(block.lang)}>
          {block.paragraphs.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      );
    case 'label':
      return <h3>{block.text}</h3>;
    case 'items':
      return (
        <section className="reciprocal-list" role="group" aria-label={block.label}>
          <h3>{block.label}</h3>
          {block.items.length === 0 ? (
            <p className="hint">{block.empty}</p>
          ) : (
            <ul>
              {block.items.map((item, i) => (
                <li key={i}>
                  {item.map((wording) => (
                    <span key={wording.lang} lang={wording.lang} dir={directionOf(wording.lang)}>
                      {wording.text}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      );
    case 'table': {
      const [head = [], ...rows] = block.rows;
      return (
        <table className="answers">
          <thead>
            <tr>
              {head.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}
