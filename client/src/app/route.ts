import { useEffect, useState } from 'react';
import { isPartnershipId } from '@tandem/shared/doc/documents';

/** The screens of the app, read from the URL path. */
export type Route = { name: 'home' } | { name: 'draft'; partnershipId: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  const id = match?.[1];
  if (id && isPartnershipId(id)) return { name: 'draft', partnershipId: id };
  return { name: 'home' };
}

export function draftPath(partnershipId: string): string {
  return `/d/${partnershipId}`;
}

/** Navigates within the app without a page load. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}
