import type { UiLanguage } from '@tandem/shared/i18n/index';
import type { Role, School, Side } from '@tandem/shared/people';

/** Shapes of the API's answers, as the client reads them. */

export interface Account {
  id: string;
  email: string;
  name: string;
  language: UiLanguage;
  timeZone: string | null;
}

export interface Membership {
  memberId: string;
  partnershipId: string;
  side: Side;
  role: Role;
  schools: Record<Side, string>;
}

export interface MemberView {
  id: string;
  name: string;
  side: Side;
  role: Role;
}

export interface PartnershipView {
  id: string;
  sides: Record<Side, School>;
  members: MemberView[];
  you: { memberId: string; side: Side; role: Role };
}

export interface InvitePreview {
  side: Side;
  role: Role;
  state: 'valid' | 'expired' | 'usedUp';
  schools: Record<Side, string>;
  language: UiLanguage;
}
