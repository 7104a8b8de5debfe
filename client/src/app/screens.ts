import { type ComponentType, lazy } from 'react';
import { parseRoute, type Route } from '../platform/route';

/**
 * Each screen but sign-in loads its code when first opened (the editor, Yjs views, the PDF
 * verifier, the account and partnership forms), so that no screen waits for another's code.
 */
const LOADERS = {
  agreement: () => import('../features/agreement/AgreementPage'),
  agreementPrint: () => import('../features/agreement/PrintAgreement'),
  inbox: () => import('../features/inbox/InboxPage'),
  verify: () => import('../features/signing/VerifyPage'),
  compareLegs: () => import('../features/itinerary/CompareLegs'),
  itinerary: () => import('../features/itinerary/ItineraryPage'),
  newPartnership: () => import('../features/people/CreatePartnership'),
  account: () => import('../features/people/AccountPage'),
  invite: () => import('../features/people/InvitePage'),
  home: () => import('../features/people/PartnershipList'),
  partnership: () => import('../features/people/PartnershipPage'),
  resetRequest: () => import('../features/people/PasswordResetPages'),
  reset: () => import('../features/people/PasswordResetPages'),
  confirmEmail: () => import('../features/people/ConfirmEmailPage'),
} satisfies Record<Route['name'], () => Promise<unknown>>;

function screen<K extends keyof typeof LOADERS, P>(
  route: K,
  pick: (module: Awaited<ReturnType<(typeof LOADERS)[K]>>) => ComponentType<P>,
) {
  return lazy(async () => ({ default: pick((await LOADERS[route]()) as never) }));
}

export const AgreementPage = screen('agreement', (m) => m.AgreementPage);
export const PrintAgreement = screen('agreementPrint', (m) => m.PrintAgreement);
export const InboxPage = screen('inbox', (m) => m.InboxPage);
export const VerifyPage = screen('verify', (m) => m.VerifyPage);
export const CompareLegs = screen('compareLegs', (m) => m.CompareLegs);
export const ItineraryPage = screen('itinerary', (m) => m.ItineraryPage);
export const CreatePartnership = screen('newPartnership', (m) => m.CreatePartnership);
export const AccountPage = screen('account', (m) => m.AccountPage);
export const InvitePage = screen('invite', (m) => m.InvitePage);
export const PartnershipList = screen('home', (m) => m.PartnershipList);
export const PartnershipPage = screen('partnership', (m) => m.PartnershipPage);
export const ResetRequestPage = screen('resetRequest', (m) => m.ResetRequestPage);
export const ResetPasswordPage = screen('reset', (m) => m.ResetPasswordPage);
export const ConfirmEmailPage = screen('confirmEmail', (m) => m.ConfirmEmailPage);

/**
 * Starts loading the code of the screen the page opens on while the session is still being
 * checked, instead of after (one round trip less before a document shows).
 */
export function preloadScreen(pathname: string): void {
  void LOADERS[parseRoute(pathname).name]().catch(() => {
    // The screen's own load reports the failure when it renders.
  });
}
