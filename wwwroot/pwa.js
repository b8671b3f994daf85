// Registers the app-shell service worker (sw.js) so the dashboard can be installed and shows an offline page.
if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => {
        navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {
            // Without it the dashboard works as before; only installing and the offline page are missing.
        });
    });
}
