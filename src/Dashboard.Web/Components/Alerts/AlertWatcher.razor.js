// Browser notifications for fired alerts. Phones only show them through the service worker's registration.
export function permission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function request() {
    if (!('Notification' in window)) {
        return 'unsupported';
    }
    return await Notification.requestPermission();
}

export async function notify(title, body, tag) {
    if (!('Notification' in window) || Notification.permission !== 'granted') {
        return false;
    }
    const options = { body, tag, icon: 'icons/icon-192.png', lang: document.documentElement.lang };
    try {
        const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : null;
        if (registration) {
            await registration.showNotification(title, options);
            return true;
        }
        new Notification(title, options);
        return true;
    } catch {
        return false;
    }
}
