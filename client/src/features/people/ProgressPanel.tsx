import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipProgress, PartnershipView } from '@tandem/shared/api';
import { SIDES } from '@tandem/shared/people';

/** One figure with a bar: "Aligned: 3 of 12 clauses". */
function Figure({ text, done, total }: { text: string; done: number; total: number }) {
  const id = useId();
  return (
    <li className="figure">
      <span id={id}>{text}</span>
      <progress aria-labelledby={id} value={done} max={Math.max(total, 1)} />
    </li>
  );
}

/** The agreement, both itineraries and the signing, each as far as it has come. */
export function ProgressPanel({
  partnership,
  progress,
}: {
  partnership: PartnershipView;
  progress: PartnershipProgress;
}) {
  const { t } = useTranslation('people');
  const { agreement, itineraries, signing } = progress;
  const total = agreement.clauses;
  const school = (side: 'A' | 'B') => partnership.sides[side].name;
  return (
    <section className="card progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('home.progressTitle')}</h2>
      <div className="progress-columns">
        <div>
          <h3>{t('home.agreementTitle')}</h3>
          <ul className="plain-list">
            <Figure
              text={t('home.written', { done: agreement.written, total })}
              done={agreement.written}
              total={total}
            />
            <Figure
              text={t('home.aligned', { done: agreement.aligned, total })}
              done={agreement.aligned}
              total={total}
            />
            {SIDES.map((side) => (
              <Figure
                key={side}
                text={t('home.approvedBy', {
                  school: school(side),
                  done: agreement.approved[side],
                  total,
                })}
                done={agreement.approved[side]}
                total={total}
              />
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('home.itinerariesTitle')}</h3>
          <ul className="plain-list">
            {SIDES.map((side) => {
              const leg = itineraries[side];
              if (leg.days === 0)
                return <li key={side}>{t('home.noDates', { school: school(side) })}</li>;
              return (
                <Figure
                  key={side}
                  text={`${t('home.leg', { school: school(side), done: leg.planned, total: leg.days })} · ${t('home.openProposals', { count: leg.open })}`}
                  done={leg.planned}
                  total={leg.days}
                />
              );
            })}
          </ul>
        </div>
        <div>
          <h3>{t('home.signingTitle')}</h3>
          <p data-phase={signing.phase}>{t(`home.signing.${signing.phase}`)}</p>
          {signing.phase !== 'draft' && (
            <ul className="plain-list">
              {SIDES.map((side) => (
                <li key={side}>
                  {t(signing.signed[side] ? 'home.signedBy' : 'home.notSignedBy', {
                    school: school(side),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
