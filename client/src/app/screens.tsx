import { type ComponentType, lazy, useState } from 'react';
import { arrivedScreen, loadScreen, type ScreenModule, type ScreenName } from './screenCode';

/**
 * A screen loaded on first use. Once its code is here (preloaded, or opened before) it renders
 * directly: a lazy component would suspend for one tick even then, and React holds a
 * suspended screen's reveal back by up to 300 ms (its fallback throttle).
 */
function screen<K extends ScreenName, P extends object>(
  route: K,
  pick: (module: ScreenModule<K>) => ComponentType<P>,
) {
  const Lazy = lazy(async () => ({ default: pick(await loadScreen(route)) }));
  return function Screen(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount it.
    const [Loaded] = useState((): ComponentType<P> => {
      const module = arrivedScreen(route);
      return module ? pick(module) : Lazy;
    });
    return <Loaded {...props} />;
  };
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
