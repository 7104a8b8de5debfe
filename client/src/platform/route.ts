import { isPartnershipId } from '@tandem/shared/doc/documents';

/** The screens of the app, read from the URL path. */
export type Route =
  | { name: 'home' }
  | { name: 'newPartnership' }
  | { name: 'partnership'; partnershipId: string }
  | { name: 'agreement'; partnershipId: string }
  | { name: 'agreementPrint'; partnershipId: string }
  | { name: 'inbox'; partnershipId: string }
  | { name: 'itinerary'; partnershipId: string; side: 'A' | 'B' }
  | { name: 'compareLegs'; partnershipId: string }
  | { name: 'verify' }
  | { name: 'account' }
  | { name: 'invite'; token: string }
  | { name: 'resetRequest' }
  | { name: 'reset'; token: string }
  | { name: 'confirmEmail'; token: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/new') return { name: 'newPartnership' };
  if (pathname === '/verify') return { name: 'verify' };
  if (pathname === '/account') return { name: 'account' };
  if (pathname === '/reset') return { name: 'resetRequest' };
  const reset = /^\/reset\/([\w-]{20,100})$/.exec(pathname);
  if (reset?.[1]) return { name: 'reset', token: reset[1] };
  const confirm = /^\/confirm\/([\w-]{20,100})$/.exec(pathname);
  if (confirm?.[1]) return { name: 'confirmEmail', token: confirm[1] };
  const invite = /^\/invite\/([\w-]{20,100})$/.exec(pathname);
  if (invite?.[1]) return { name: 'invite', token: invite[1] };
  const leg = /^\/p\/([^/]+)\/itinerary\/(A|B)\/?$/.exec(pathname);
  if (leg?.[1] && isPartnershipId(leg[1]) && (leg[2] === 'A' || leg[2] === 'B')) {
    return { name: 'itinerary', partnershipId: leg[1], side: leg[2] };
  }
  const compare = /^\/p\/([^/]+)\/itineraries\/?$/.exec(pathname);
  if (compare?.[1] && isPartnershipId(compare[1])) {
    return { name: 'compareLegs', partnershipId: compare[1] };
  }
  const inbox = /^\/p\/([^/]+)\/inbox\/?$/.exec(pathname);
  if (inbox?.[1] && isPartnershipId(inbox[1])) return { name: 'inbox', partnershipId: inbox[1] };
  const partnership = /^\/p\/([^/]+)(\/agreement(\/print)?)?\/?$/.exec(pathname);
  const id = partnership?.[1];
  if (id && isPartnershipId(id)) {
    if (partnership[3]) return { name: 'agreementPrint', partnershipId: id };
    if (partnership[2]) return { name: 'agreement', partnershipId: id };
    return { name: 'partnership', partnershipId: id };
  }
  return { name: 'home' };
}

export const paths = {
  home: () => '/',
  newPartnership: () => '/new',
  account: () => '/account',
  resetRequest: () => '/reset',
  partnership: (id: string) => `/p/${id}`,
  /** Everything Tandem keeps about the signed-in person (a download from the API). */
  myData: () => '/api/me/data',
  /** The partnership's archive (a download from the API, not a screen). */
  partnershipExport: (id: string) => `/api/partnerships/${id}/export`,
  agreement: (id: string) => `/p/${id}/agreement`,
  agreementPrint: (id: string) => `/p/${id}/agreement/print`,
  inbox: (id: string) => `/p/${id}/inbox`,
  itinerary: (id: string, side: 'A' | 'B') => `/p/${id}/itinerary/${side}`,
  compareLegs: (id: string) => `/p/${id}/itineraries`,
};

/** Navigates within the app without a page load. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
