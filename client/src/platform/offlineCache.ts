/**
 * What the service worker (client/sw/sw.ts) keeps so that a page opened before opens again
 * without a connection: who is signed in and the partnership as they saw it. The documents
 * themselves live in IndexedDB (collab/localRooms.ts). Both are deleted on sign-out.
 */
export const API_CACHE = 'tandem-api';

/** The GET answers a partnership page needs to open; downloads and the rest are not kept. */
const OFFLINE_READABLE = [
  /^\/api\/me$/,
  /^\/api\/partnerships$/,
  /^\/api\/partnerships\/[^/]+$/,
  /^\/api\/partnerships\/[^/]+\/(authorship|progress|inbox|signing|invites)$/,
  /^\/api\/partnerships\/[^/]+\/threads\/[^/]+\/reads$/,
];

export function isOfflineReadable(pathname: string): boolean {
  return OFFLINE_READABLE.some((pattern) => pattern.test(pathname));
}

/** The answers a page at `pathname` opens with (who is signed in, its partnership). */
export function pagesNeeds(pathname: string): string[] {
  const partnership = /^\/p\/([^/]+)/.exec(pathname)?.[1];
  return partnership ? ['/api/me', `/api/partnerships/${partnership}`] : ['/api/me'];
}

/** Deletes the kept answers (sign-out, or the server no longer knows the session). */
export async function clearOfflineCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE);
}
