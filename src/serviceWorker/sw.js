/*
 * Partnerzicht's service worker: makes the second and later opens of a pane fast. Officials reopen
 * the pane all day (Outlook reloads it on every pin toggle); on install this worker stores the
 * build's content-hashed scripts, which also lets Chromium compile them once and keep the code,
 * and it serves them from that store from then on. Nothing else is touched: pages, Graph and sign-in
 * always go to the network, so a new release is picked up on the next open and no data is cached here.
 *
 * The build (scripts/lib/serviceWorkerPlugin.js) prepends `PRECACHE` (the hashed files) and `VERSION`.
 */
/* global PRECACHE, VERSION */
const CACHE = `partnerzicht-${VERSION}`;
const precached = new Set(PRECACHE.map((file) => new URL(file, self.registration.scope).href));

/*
 * Static routes (Chromium 123+, so Edge's WebView2 in new Outlook and Teams): the browser applies them
 * without starting this worker. Scripts come from the store (a script not in it, such as Office.js from
 * Microsoft's CDN, falls through to the network), everything else, a page's navigation included,
 * goes straight to the network. A warm open then never waits for the worker to start (measured:
 * 60-120 ms at 4x CPU). Where routes are not supported, the fetch handler below does the same.
 */
const ROUTES = [
  { condition: { requestMethod: 'GET', requestDestination: 'script' }, source: { cacheName: CACHE } },
  { condition: { not: { requestDestination: 'script' } }, source: 'network' },
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([
      typeof event.addRoutes === 'function' ? event.addRoutes(ROUTES).catch(() => undefined) : undefined,
      caches.open(CACHE).then((cache) => cache.addAll([...precached])),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Scripts of older builds go; their names are content hashes, so a page never needs a file it cannot get.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('partnerzicht-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !precached.has(request.url)) return;
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
