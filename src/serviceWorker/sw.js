/*
 * Partnerzicht's service worker: makes the second and later opens of a pane fast, and lets a pane that
 * was opened before open again without a connection. Officials reopen the pane all day (Outlook reloads
 * it on every pin toggle); on install this worker stores the build's content-hashed scripts and
 * stylesheet, which also lets Chromium compile the scripts once and keep the code, and serves them from
 * that store from then on. Pages go to the network first, so a new release is picked up on the next
 * open; their last copy (of this build) is what opens when the network fails. Graph, sign-in and
 * everything else are never touched, and no data is cached here (the pane keeps its own copies).
 *
 * The build (scripts/lib/serviceWorkerPlugin.js) prepends `PRECACHE` (the hashed files), `PAGES` (the
 * surfaces' pages) and `VERSION`.
 */
/* global PRECACHE, PAGES, VERSION */
const CACHE = `partnerzicht-${VERSION}`;
const precached = new Set(PRECACHE.map((file) => new URL(file, self.registration.scope).href));
const pages = new Set(PAGES.map((file) => new URL(file, self.registration.scope).href));

/** A page's address as it is stored: `/` is index.html, and the query (Office adds its own) does not count. */
function pageKey(url) {
  const page = new URL(url);
  page.search = '';
  page.hash = '';
  if (page.pathname.endsWith('/')) page.pathname += 'index.html';
  return page.href;
}

self.addEventListener('install', (event) => {
  // The pages of this build too: the first open was not yet served by this worker, and a page must
  // never refer to scripts the store no longer has.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached, ...pages]))
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
  if (request.method !== 'GET') return;
  if (precached.has(request.url)) {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  const key = request.mode === 'navigate' ? pageKey(request.url) : undefined;
  if (!key || !pages.has(key)) return;
  // Network first: the page as the server has it now, kept for the next open without a connection.
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      },
      (error) =>
        caches.match(key, { cacheName: CACHE }).then((hit) => {
          if (hit) return hit;
          throw error;
        }),
    ),
  );
});
