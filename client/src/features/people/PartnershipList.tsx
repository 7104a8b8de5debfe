import { useTranslation } from 'react-i18next';
import { SchoolPair } from '../../ui/SchoolPair';
import { navigate, paths } from '../../platform/route';
import { useSession } from '../../platform/session';
import { useIsEmailOn } from '../../platform/email';

/** The partnerships the signed-in person belongs to. */
export function PartnershipList() {
  const { t } = useTranslation('people');
  const { account, memberships } = useSession();
  const isEmailOn = useIsEmailOn();
  return (
    <section className="card">
      {isEmailOn && account && !account.emailConfirmed && (
        <p role="status" className="notice">
          {t('address.pleaseConfirm', { email: account.email })}{' '}
          <a href={paths.account()}>{t('address.toAccount')}</a>
        </p>
      )}
      <h2>{t('list.title')}</h2>
      {memberships.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ul className="plain-list">
          {memberships.map((m) => (
            <li key={m.partnershipId}>
              <a href={paths.partnership(m.partnershipId)}>
                <SchoolPair schoolA={m.schools.A} schoolB={m.schools.B} />
              </a>{' '}
              <small>
                {t('list.yourRole', { role: t(`role.${m.role}`), school: m.schools[m.side] })}
              </small>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => navigate(paths.newPartnership())}>
        {t('list.create')}
      </button>
    </section>
  );
}
