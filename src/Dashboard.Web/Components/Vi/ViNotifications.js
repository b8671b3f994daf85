// Browser notifications for VIs of held and watched stocks. Minimal on purpose: the member opts in on the
// VI page (the browser asks for permission), the choice is a flag in this browser's localStorage (not a secret),
// and nothing is shown unless both the flag and the permission are there. (The alerts area has its own module.)
const flag = 'dashboard.vi.notify';

export function state() {
    if (!('Notification' in window)) {
        return 'unsupported';
    }
    if (Notification.permission === 'denied') {
        return 'blocked';
    }
    return localStorage.getItem(flag) === '1' && Notification.permission === 'granted' ? 'on' : 'off';
}

export async function enable() {
    if (!('Notification' in window)) {
        return 'unsupported';
    }
    const permission = await Notification.requestPermission();
    if (permission === 'granted') {
        localStorage.setItem(flag, '1');
    }
    return state();
}

export function disable() {
    localStorage.removeItem(flag);
    return state();
}

export function notify(title, body, tag) {
    if (state() !== 'on') {
        return false;
    }
    // The tag makes a release replace its trigger's notification instead of stacking.
    new Notification(title, { body, tag });
    return true;
}
