import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../ui/ConfirmDialog';
import { ROLES, type Role, SIDES } from '@tandem/shared/people';
import { api } from '../../platform/api';
import type { MemberView, PartnershipView } from '@tandem/shared/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { missingPeople } from './nextStep';

/** Who is in each school with which role; coordinators manage their own school's members. */
export function MemberList({
  partnership,
  onChanged,
}: {
  partnership: PartnershipView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('people');
  const { you } = partnership;
  const change = useCallback(
    async (member: MemberView, role: Role | null) => {
      const path = `/api/partnerships/${partnership.id}/members/${member.id}`;
      if (role) await api('PATCH', path, { role });
      else await api('DELETE', path);
      await onChanged();
    },
    [partnership.id, onChanged],
  );
  const { run, error, isRunning } = useAction(change);
  const { confirm: ask, dialog } = useConfirm();

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {dialog}
      <ErrorMessage error={error} />
      <div className="two-columns">
        {SIDES.map((side) => {
          const members = partnership.members.filter((m) => m.side === side);
          const canManage = you.role === 'coordinator' && you.side === side;
          return (
            <section key={side} aria-label={partnership.sides[side].name}>
              <h3>{partnership.sides[side].name}</h3>
              {members.length === 0 && <p>{t('members.empty')}</p>}
              <MissingPeople missing={missingPeople(partnership, side)} />
              <ul className="plain-list members">
                {members.map((member) => (
                  <li key={member.id} data-member={member.name}>
                    <span className="member-name">
                      <bdi>{member.name}</bdi> {member.id === you.memberId && t('members.you')}
                    </span>{' '}
                    {canManage ? (
                      <>
                        <select
                          aria-label={t('members.roleOf', { name: member.name })}
                          value={member.role}
                          disabled={isRunning}
                          onChange={(e) => {
                            const role = ROLES.find((r) => r === e.target.value);
                            if (role) void run(member, role);
                          }}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`role.${role}`)}
                            </option>
                          ))}
                        </select>{' '}
                        {member.id !== you.memberId && (
                          <button
                            type="button"
                            className="secondary"
                            aria-label={t('members.removeOf', { name: member.name })}
                            disabled={isRunning}
                            onClick={() => {
                              void ask({
                                message: t('members.confirmRemove', { name: member.name }),
                                confirm: t('members.remove'),
                                isDanger: true,
                              }).then((isConfirmed) => {
                                if (isConfirmed) void run(member, null);
                              });
                            }}
                          >
                            {t('members.remove')}
                          </button>
                        )}
                      </>
                    ) : (
                      <span className="member-role">{t(`role.${member.role}`)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** Who a school still lacks for a lasting partnership (P13, P14), or that nobody is missing. */
function MissingPeople({ missing }: { missing: ('staff' | 'leader')[] }) {
  const { t } = useTranslation('people');
  if (missing.length === 0) return <p className="hint">{t('home.complete')}</p>;
  return (
    <ul className="plain-list missing">
      {missing.map((who) => (
        <li key={who}>{t(`home.missing.${who}`)}</li>
      ))}
    </ul>
  );
}
