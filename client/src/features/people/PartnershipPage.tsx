import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDES } from '@tandem/shared/people';
import { paths } from '../../platform/route';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { InviteForm } from './InviteForm';
import { MemberList } from './MemberList';
import { OpenInvites } from './OpenInvites';
import { SchoolCard } from './SchoolCard';
import { usePartnership } from '../../platform/usePartnership';

/** A partnership's home: both schools, the members, invitations, and the way to the agreement. */
export function PartnershipPage({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error, reload } = usePartnership(partnershipId);
  const [invites, setInvites] = useState(0);
  const onInviteCreated = useCallback(() => setInvites((n) => n + 1), []);
  if (error) return <ErrorMessage error={error} />;
  if (!partnership) return <p>{t('loading')}</p>;
  const { you } = partnership;
  return (
    <div className="stack">
      <p>
        <a href={paths.home()}>{t('partnership.back')}</a>
      </p>
      <h1>
        {t('list.between', {
          schoolA: partnership.sides.A.name,
          schoolB: partnership.sides.B.name,
        })}
      </h1>
      <p>
        <a className="button" href={paths.agreement(partnership.id)}>
          {t('partnership.agreement')}
        </a>{' '}
        <span className="hint" data-phase={partnership.documentStatus}>
          {t(`common:documentTitleByPhase.${partnership.documentStatus}`)}
        </span>
      </p>
      <nav className="toolbar">
        {SIDES.map((side) => (
          <a key={side} href={paths.itinerary(partnership.id, side)}>
            {t('itinerary:title', {
              host: partnership.sides[side].name,
              guests: partnership.sides[side === 'A' ? 'B' : 'A'].name,
            })}
          </a>
        ))}
        <a href={paths.compareLegs(partnership.id)}>{t('itinerary:compare.link')}</a>
        <a href={paths.inbox(partnership.id)}>{t('comments:inbox.title')}</a>
      </nav>
      <div className="two-columns">
        {SIDES.map((side) => (
          <SchoolCard
            key={side}
            partnershipId={partnership.id}
            side={side}
            school={partnership.sides[side]}
            canEdit={you.role === 'coordinator' && you.side === side}
            onSaved={reload}
          />
        ))}
      </div>
      <MemberList partnership={partnership} onChanged={reload} />
      {you.role === 'coordinator' && (
        <>
          <InviteForm partnership={partnership} onCreated={onInviteCreated} />
          <OpenInvites partnership={partnership} version={invites} />
        </>
      )}
    </div>
  );
}
