using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Team;

/// <summary>
/// Records every browser notification a page shows, by either door the Notification API has: the constructor
/// (<c>new Notification(...)</c>) and a service worker registration's <c>showNotification</c> (the one phones need,
/// used whenever the app's worker is registered). Both are wrapped, not replaced: the real call still happens.
/// </summary>
public static class NotificationRecorder
{
    private const string Script = """
        (() => {
            const shown = [];
            Object.defineProperty(window, '__notifications', { value: shown });
            const record = (via, title, options) => shown.push({ via, title: String(title), body: String(options?.body ?? '') });
            if (window.Notification) {
                const Real = window.Notification;
                class Recording extends Real {
                    constructor(title, options) {
                        super(title, options);
                        record('constructor', title, options);
                    }
                }
                Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
                Recording.requestPermission = (...args) => Real.requestPermission(...args);
                window.Notification = Recording;
            }
            if (window.ServiceWorkerRegistration) {
                const show = ServiceWorkerRegistration.prototype.showNotification;
                ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
                    record('service-worker', title, options);
                    return show.call(this, title, options);
                };
            }
        })();
        """;

    /// <summary>Lets the context's pages notify without a prompt and records what they show from the first script on.</summary>
    public static async Task InstallAsync(IBrowserContext context)
    {
        await context.GrantPermissionsAsync(["notifications"]);
        await context.AddInitScriptAsync(Script);
    }

    /// <summary>One notification: by which door (<c>constructor</c> or <c>service-worker</c>), its title and its body text.</summary>
    public sealed class Shown
    {
        public string Via { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;
    }

    /// <summary>What this page has shown since it loaded.</summary>
    public static async Task<IReadOnlyList<Shown>> ShownAsync(IPage page) =>
        await page.EvaluateAsync<Shown[]>("() => window.__notifications.map(n => ({ Via: n.via, Title: n.title, Body: n.body }))");

    /// <summary>Waits, in the page, until it has shown at least <paramref name="count"/> notifications.</summary>
    public static Task WaitForAsync(IPage page, int count, TimeSpan timeout) =>
        page.WaitForFunctionAsync("n => window.__notifications.length >= n", count, new() { Timeout = (float)timeout.TotalMilliseconds });
}
