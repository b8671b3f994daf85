// Reconnection tuned for phones: the overlay shows while the circuit is away, a tab that becomes
// visible again retries at once instead of waiting for the next backoff step, and a circuit the
// server no longer has (restart, retention expired) reloads the page instead of leaving a dead UI.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

let reconnecting = false;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        reconnecting = true;
        if (!reconnectModal.open) {
            reconnectModal.showModal();
        }
    } else if (state === "hide") {
        reconnecting = false;
        reconnectModal.close();
    } else if (state === "failed") {
        reconnecting = true;
    } else if (state === "rejected") {
        location.reload();
    }
}

async function retry() {
    try {
        // true: reconnected; false: the server answered but no longer has this circuit.
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed) {
                location.reload();
            } else {
                reconnecting = false;
                reconnectModal.close();
            }
        }
    } catch {
        // The server is still unreachable; the next visibility change or the button tries again.
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && reconnecting) {
        retry();
    }
});
