import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { API_CACHE, isOfflineReadable, pagesNeeds } from '../src/platform/offlineCache';

/**
 * Tandem's service worker (built by vite-plugin-pwa's injectManifest). It keeps the
 * application (every script, style and index.html of this build) so a page opened before
 * loads without a connection; documents sync from IndexedDB and the server as ever. A new
 * build waits until the person agrees to reload (app/UpdatePrompt.tsx).
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// A worker becomes active on the first visit, or when the person agreed to reload: it can
// take the open pages at once.
clientsClaim();

// Every address of the app is index.html; the API, sync and metrics are the server's own.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/sync\//, /^\/metrics$/],
  }),
);

// The network first, so nothing stale shows while online; the kept answer when it fails or
// a weak connection takes longer than this.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    isOfflineReadable(url.pathname),
  new NetworkFirst({
    cacheName: API_CACHE,
    networkTimeoutSeconds: 8,
    plugins: [new CacheableResponsePlugin({ statuses: [200] })],
  }),
);

// The open pages asked for their data before this worker existed: keep it now, so the first
// page someone opened already reopens offline.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const pages = await self.clients.matchAll({ type: 'window' });
      const urls = new Set(pages.flatMap((page) => pagesNeeds(new URL(page.url).pathname)));
      const cache = await caches.open(API_CACHE);
      await Promise.all(
        [...urls].map(async (url) => {
          const answer = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
          if (answer?.status === 200) await cache.put(url, answer);
        }),
      );
    })(),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
