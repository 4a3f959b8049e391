/*
 * Partnerzicht's service worker: makes the second and later opens of a pane fast. Officials reopen
 * the pane all day (Outlook reloads it on every pin toggle); on install this worker stores the
 * build's content-hashed scripts and stylesheet, which also lets Chromium compile the scripts once and keep the code,
 * and it serves them from that store from then on. Nothing else is touched: pages, Graph and sign-in
 * always go to the network, so a new release is picked up on the next open and no data is cached here.
 *
 * The build (scripts/lib/serviceWorkerPlugin.js) prepends `PRECACHE` (the hashed files) and `VERSION`.
 */
/* global PRECACHE, VERSION */
const CACHE = `partnerzicht-${VERSION}`;
const precached = new Set(PRECACHE.map((file) => new URL(file, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached]))
      .then(() => self.skipWaiting()),
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
