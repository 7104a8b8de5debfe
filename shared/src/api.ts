import type { UiLanguage } from './i18n/index';
import type { Role, Side } from './people';
import type { School } from './peopleBodies';

/** Shapes of the HTTP API's answers, shared by the server that sends and the client that reads. */

/** A person's account, as they see it themselves. */
export interface Account {
  id: string;
  email: string;
  name: string;
  language: UiLanguage;
  timeZone: string | null;
  /** The person opened the confirmation link sent to `email` (mail goes only to such addresses). */
  emailConfirmed: boolean;
}

/** One partnership a person belongs to (`GET /api/me`). */
export interface Membership {
  memberId: string;
  partnershipId: string;
  side: Side;
  role: Role;
  schools: Record<Side, string>;
}

/** A member as every member of the partnership sees them. */
export interface MemberView {
  id: string;
  name: string;
  side: Side;
  role: Role;
  joinedAt: number;
}

/** `GET /api/partnerships/:id`. */
export interface PartnershipView {
  id: string;
  createdAt: number;
  sides: Record<Side, School>;
  members: MemberView[];
  /** Members who left: what they wrote shows as "a former member of <school>". */
  formerMembers: { id: string; side: Side }[];
  you: { memberId: string; side: Side; role: Role };
  documentStatus: 'draft' | 'signing' | 'signed';
}

/** `GET /api/partnerships/:id/progress`: where the partnership stands, for its home page. */
export interface PartnershipProgress {
  agreement: {
    clauses: number;
    /** Clauses with text in every language of the agreement. */
    written: number;
    aligned: number;
    approved: Record<Side, number>;
  };
  /** Each school's hosting itinerary: days of the visit, days with plans, open proposals. */
  itineraries: Record<Side, { days: number; planned: number; open: number }>;
  signing: {
    phase: 'draft' | 'signing' | 'signed';
    isAmendment: boolean;
    signed: Record<Side, boolean>;
  };
}

/** `GET /api/invites/:token`: enough to decide whether to join, nothing more. */
export interface InvitePreview {
  side: Side;
  role: Role;
  expiresAt: number;
  state: 'valid' | 'expired' | 'usedUp' | 'revoked';
  schools: Record<Side, string>;
  language: UiLanguage;
}

/** `GET /api/partnerships/:id/invites`: an invitation that can still be used. */
export interface OpenInvite {
  id: string;
  side: Side;
  role: Role;
  uses: number;
  maxUses: number;
  expiresAt: number;
  createdAt: number;
  /** Name of the coordinator who made it. */
  createdBy: string;
  /** The address it was emailed to, if it was. */
  email: string | null;
}

/** `GET /api/partnerships/:id/agreement/clauses`: one clause and its drift status (P10). */
export interface ClauseView {
  id: string;
  kind: string;
  title: Record<string, string>;
  /** aligned | outdated | both-changed | untranslated | never-aligned | empty */
  status: string;
  /** The version that may be outdated, or the one missing. */
  language?: string;
  /** Whether each side's approval still counts. */
  approvals: Record<Side, boolean>;
}

/** A kept version of the agreement (`GET …/agreement/versions`). */
export interface VersionView {
  id: string;
  kind: 'auto' | 'named' | 'before-restore';
  name: string | null;
  createdAt: number;
  /** Display name of the member who asked for it; null for automatic versions. */
  createdBy: string | null;
}

/** One thread with comments the reader has not read (`GET /api/partnerships/:id/inbox`). */
export interface InboxItem {
  document: string;
  threadId: string;
  target: { clauseId: string; lang: string } | { itemId: string };
  quote: string;
  /** The clause's or item's title, per language: where the thread is. */
  place: Record<string, string>;
  unread: number;
  last: { author: string; body: string; createdAt: number; timeZone: string };
}

/** `GET /api/partnerships/:id/translations`: the machine translation on offer, if any. */
export interface TranslationOffer {
  /** `libretranslate` or `apertium`; null when the server has no translation configured. */
  provider: string | null;
  /** Base language subtags (`en` → `es`); empty while the provider is down. */
  pairs: { from: string; to: string }[];
}

/** `POST /api/partnerships/:id/translations`: always machine text, never a person's (P10). */
export interface Translation {
  text: string;
  provider: string;
  isMachine: true;
  from: string;
  to: string;
}

/** `GET /api/me/sessions`: one signed-in device of the account. */
export interface DeviceSession {
  id: string;
  /** Browser and system, e.g. "Firefox · Windows"; empty when the browser did not say. */
  device: string;
  createdAt: number;
  /** The session of the request. */
  isThis: boolean;
}
