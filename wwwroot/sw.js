// The dashboard's service worker: it keeps only the app shell (the offline page and its icons), so an
// installed app opens to an explanation instead of the browser's error when the server is unreachable.
// It never stores pages, quotes, account data or the live connection (/_blazor): every other request
// goes to the network untouched.
const SHELL_CACHE = 'shell-v1';
const SHELL = ['offline.html', 'icons/icon-192.png', 'favicon.png'];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(key => key !== SHELL_CACHE).map(key => caches.delete(key))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
    const request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
        return;
    }

    if (request.mode === 'navigate') {
        // Pages always come from the server (they hold private data); only a failed load shows the offline page.
        event.respondWith(fetch(request).catch(() => caches.match('offline.html')));
        return;
    }

    const path = new URL(request.url).pathname.replace(/^\//, '');
    if (SHELL.includes(path)) {
        event.respondWith(fetch(request).catch(() => caches.match(path)));
    }
});

// A tap on an alert's notification brings the dashboard forward on the alerts page.
self.addEventListener('notificationclick', event => {
    event.notification.close();
    event.waitUntil(self.clients.matchAll({ type: 'window' }).then(windows => {
        const open = windows.find(w => 'focus' in w);
        return open ? open.focus() : self.clients.openWindow('alerts');
    }));
});
