import type { Role, Side } from '@tandem/shared/people';
import { translateEmail } from '@tandem/shared/i18n/serverCatalogues';
import type { Member, Partnership } from '../storage/PeopleStore';
import type { Mail } from './Mailer';

/**
 * An invitation by email, in the invited school's language: both schools, the role, who
 * invites, and the link (which also stays copyable for other channels).
 */
export function inviteMail(input: {
  to: string;
  partnership: Partnership;
  inviter: Member;
  side: Side;
  role: Role;
  url: string;
}): Mail {
  const { partnership, inviter, side, role, url } = input;
  const language = partnership.sides[side].language;
  const t = (key: string, values: Record<string, string | number> = {}) =>
    translateEmail(language, key, values);
  const values = {
    inviter: inviter.name,
    inviterSchool: partnership.sides[inviter.side].name,
    school: partnership.sides[side].name,
    schoolA: partnership.sides.A.name,
    schoolB: partnership.sides.B.name,
    role: t(`role_${role}`),
  };
  return {
    to: input.to,
    subject: t('inviteSubject', values),
    text: [t('inviteBody', values), '', url, '', t('inviteIgnore')].join('\n'),
  };
}
