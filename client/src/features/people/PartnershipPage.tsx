import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipProgress } from '@tandem/shared/api';
import { SIDES } from '@tandem/shared/people';
import { api } from '../../platform/api';
import { SchoolPair } from '../../ui/SchoolPair';
import { paths } from '../../platform/route';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { mainWork, nextStep } from './nextStep';
import { ProgressPanel } from './ProgressPanel';
import { InviteForm } from './InviteForm';
import { MemberList } from './MemberList';
import { OpenInvites } from './OpenInvites';
import { SchoolCard } from './SchoolCard';
import { usePartnership } from '../../platform/usePartnership';

function useProgress(id: string) {
  const [progress, setProgress] = useState<PartnershipProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    () =>
      api<PartnershipProgress>('GET', `/api/partnerships/${id}/progress`).then(
        setProgress,
        setError,
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { progress, error, reload: load };
}

/**
 * A partnership's home, read at a glance: the status and the one next step for the person
 * looking, their role's main work, progress, both schools and their people, invitations.
 */
export function PartnershipPage({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation('people');
  const { partnership, error, reload } = usePartnership(partnershipId);
  const progress = useProgress(partnershipId);
  const [invites, setInvites] = useState(0);
  const onInviteCreated = useCallback(() => setInvites((n) => n + 1), []);
  if (error) return <ErrorMessage error={error} />;
  if (!partnership) return <p>{t('loading')}</p>;
  const { you } = partnership;
  const main = mainWork(partnership);
  const next = progress.progress && nextStep(partnership, progress.progress);
  return (
    <div className="stack">
      <p>
        <a href={paths.home()}>{t('partnership.back')}</a>
      </p>
      <h1>
        <SchoolPair schoolA={partnership.sides.A.name} schoolB={partnership.sides.B.name} />
      </h1>
      <section className="card next-step" aria-labelledby="next-title">
        <p className="status-line" data-phase={partnership.documentStatus}>
          {t(`common:documentTitleByPhase.${partnership.documentStatus}`)}
        </p>
        <h2 id="next-title">{t('home.nextTitle')}</h2>
        {next && (
          <p>
            <a className="next-link" href={next.href}>
              {t(`home.next.${next.key}`, next.values)}
            </a>
          </p>
        )}
        <ErrorMessage error={progress.error} />
        <p>
          <a className="button" href={main.href}>
            {t(`home.main.${main.key}`)}
          </a>
        </p>
      </section>
      {progress.progress && (
        <ProgressPanel partnership={partnership} progress={progress.progress} />
      )}
      <nav className="toolbar" aria-label={t('home.documents')}>
        <a href={paths.agreement(partnership.id)}>{t('home.agreementTitle')}</a>
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
        <div id="invite" className="stack">
          <InviteForm partnership={partnership} onCreated={onInviteCreated} />
          <OpenInvites partnership={partnership} version={invites} />
        </div>
      )}
      {you.role === 'coordinator' && (
        <section className="card" aria-labelledby="export-title">
          <h2 id="export-title">{t('home.export.title')}</h2>
          <p>{t('home.export.hint')}</p>
          <p>
            <a href={paths.partnershipExport(partnership.id)} download>
              {t('home.export.link')}
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
