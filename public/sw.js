// Service worker: precaches the whole app (its file list and version are filled in by
// `cargo xtask build`), then serves it cache-first so the app opens and makes PDFs offline.
// A new build has a new version: it installs in the background and takes over on the next
// visit. Drafts live in localStorage/IndexedDB, which caches never touch.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `prongsai-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('prongsai-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)),
    ),
  );
});
