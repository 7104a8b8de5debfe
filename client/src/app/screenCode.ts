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

export type ScreenName = keyof typeof LOADERS;
/** The code of one screen. */
export type ScreenModule<K extends ScreenName> = Awaited<ReturnType<(typeof LOADERS)[K]>>;

/** The screens whose code has arrived, by route: they render at once instead of suspending. */
const arrived = new Map<ScreenName, unknown>();

export function loadScreen<K extends ScreenName>(route: K): Promise<ScreenModule<K>> {
  return LOADERS[route]().then((module) => {
    arrived.set(route, module);
    return module as ScreenModule<K>;
  });
}

/** The screen's code if it has arrived. */
export function arrivedScreen<K extends ScreenName>(route: K): ScreenModule<K> | undefined {
  return arrived.get(route) as ScreenModule<K> | undefined;
}

/**
 * Starts loading the code of the screen the page opens on while the rest of the app and the
 * session still load, instead of after (one round trip less before a document shows).
 */
export function preloadScreen(pathname: string): void {
  void loadScreen(parseRoute(pathname).name).catch(() => {
    // The screen's own load reports the failure when it renders.
  });
}
