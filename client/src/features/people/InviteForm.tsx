import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, SIDES, type Side } from '@tandem/shared/people';
import { api } from '../../platform/api';
import type { PartnershipView } from '@tandem/shared/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { CopyButton } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import { useFormAction } from '../../ui/useAction';
import { useIsEmailOn } from '../../platform/email';

/** A link made on this visit, and where it was emailed. */
interface Link {
  url: string;
  side: Side;
  role: Role;
  email: string | null;
}

/**
 * Creates an invitation link. A coordinator invites anyone to their own school, and the
 * partner school's first coordinator while it has none (the server enforces the same rule).
 */
export function InviteForm({
  partnership,
  onCreated,
}: {
  partnership: PartnershipView;
  onCreated: () => void;
}) {
  const { t } = useTranslation('people');
  const sideId = useId();
  const roleId = useId();
  const { you } = partnership;
  const partnerHasCoordinator = partnership.members.some(
    (m) => m.side !== you.side && m.role === 'coordinator',
  );
  const sides = SIDES.filter((s) => s === you.side || !partnerHasCoordinator);
  const [side, setSide] = useState<Side>(
    sides.length > 1 ? (SIDES.find((s) => s !== you.side) ?? you.side) : you.side,
  );
  const [role, setRole] = useState<Role>('coordinator');
  const [maxUses, setMaxUses] = useState(1);
  const [days, setDays] = useState(7);
  // Every link made on this visit stays listed, each with its copy button.
  const [links, setLinks] = useState<Link[]>([]);
  const isEmailOn = useIsEmailOn();
  const [addresses, setAddresses] = useState('');
  const roles = side === you.side ? ROLES : (['coordinator'] as const);

  const create = useCallback(async () => {
    const invited = side === you.side ? role : 'coordinator';
    // One invitation per address, each mailed in the invited school's language; without
    // addresses, one link to share by hand.
    const emails = addresses
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter(Boolean);
    for (const email of emails.length > 0 ? emails : [null]) {
      const invite = await api<{ url: string }>(
        'POST',
        `/api/partnerships/${partnership.id}/invites`,
        {
          side,
          role: invited,
          maxUses,
          expiresInHours: days * 24,
          ...(email ? { email } : {}),
        },
      );
      setLinks((made) => [{ url: invite.url, side, role: invited, email }, ...made]);
    }
    setAddresses('');
    onCreated();
  }, [partnership.id, side, role, maxUses, days, you.side, onCreated, addresses, setAddresses]);
  const { onSubmit, error, isRunning } = useFormAction(create);

  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>{t('invite.title')}</h2>
      <p className="field">
        <label htmlFor={sideId}>{t('invite.side')}</label>
        <select
          id={sideId}
          value={side}
          onChange={(e) => setSide(SIDES.find((s) => s === e.target.value) ?? you.side)}
        >
          {sides.map((s) => (
            <option key={s} value={s}>
              {partnership.sides[s].name}
            </option>
          ))}
        </select>
      </p>
      {side !== you.side && <p className="hint">{t('invite.partnerHint')}</p>}
      <p className="field">
        <label htmlFor={roleId}>{t('invite.role')}</label>
        <select
          id={roleId}
          value={side === you.side ? role : 'coordinator'}
          onChange={(e) => setRole(ROLES.find((r) => r === e.target.value) ?? 'viewer')}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </p>
      {isEmailOn && (
        <Field
          label={t('invite.emails')}
          hint={t('invite.emailsHint')}
          type="text"
          inputMode="email"
          autoComplete="off"
          value={addresses}
          onChange={(e) => setAddresses(e.target.value)}
        />
      )}
      <Field
        label={t('invite.maxUses')}
        type="number"
        min={1}
        max={100}
        value={maxUses}
        onChange={(e) => setMaxUses(Number(e.target.value))}
      />
      <Field
        label={t('invite.days')}
        type="number"
        min={1}
        max={30}
        value={days}
        onChange={(e) => setDays(Number(e.target.value))}
      />
      <ErrorMessage error={error} />
      <button type="submit" disabled={isRunning}>
        {t('invite.create')}
      </button>
      {links.length > 0 && (
        <div className="invite-link">
          <p>{t('invite.ready')}</p>
          <ul className="plain-list">
            {links.map((link) => {
              const what = t('openInvites.what', {
                role: t(`role.${link.role}`),
                school: partnership.sides[link.side].name,
              });
              return (
                <li key={link.url}>
                  {link.email && <p role="status">{t('invite.emailed', { email: link.email })}</p>}
                  <Field
                    label={`${t('invite.link')} · ${what}`}
                    value={link.url}
                    readOnly
                    onFocus={(e) => e.target.select()}
                  />
                  <CopyButton text={link.url} label={t('invite.copy', { what })} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </form>
  );
}
