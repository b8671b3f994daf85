using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Dashboard.EndToEnd.Tests.PageChecks;

namespace Dashboard.EndToEnd.Tests.Team;

/// <summary>
/// Two members in two browser contexts, as new users would: the Admin (desktop) shares a team list and
/// adds 005930 with a note; the invited Viewer (phone, 390 px) sees it appear without reloading, with the
/// Admin's name, and cannot edit; the Admin's price alerts fire from the simulator's moving market, in the app
/// always and as a browser notification (symbol and value in its text) only once the Admin opted in; the phone
/// home has the bottom navigation and no sideways scroll; Chromium finds the app installable.
/// </summary>
public sealed class TeamJourneyTests : Journey
{
    private const string AdminEmail = "lead@team.test";
    private const string ViewerEmail = "analyst@team.test";

    /// <summary>
    /// From a rule's creation to its firing on screen: the market ticks every few hundred ms and the journey's simulator
    /// starts no VI by itself, so a loaded machine's render time is all this allows for.
    /// </summary>
    private static readonly TimeSpan FiringWait = LiveWait;

    // Chromium refuses a service worker script served with a certificate error even when Playwright ignores
    // HTTPS errors for pages; the test's certificate is self-signed, so the PWA check needs the browser switch.
    protected override string[] BrowserArguments => ["--ignore-certificate-errors"];

    [Fact]
    public async Task ATeamListIsLiveForTheViewerAnAlertFiresAndTheAppIsInstallable()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        await NotificationRecorder.InstallAsync(desktop);
        var admin = await desktop.NewPageAsync();
        await Browser.TracedAsync(desktop, "team-journey", async () =>
        {
            await RegisterAdminAsync(admin, AdminEmail);
            var invite = await InviteMemberAsync(admin);

            await using var phone = await NewContextAsync(Device.Phone);
            var viewer = await phone.NewPageAsync();
            await JoinAsync(viewer, invite, ViewerEmail);

            // Home on the phone: indices, the bottom bar, nothing wider than the screen.
            await Assertions.Expect(viewer.Locator(".home-index").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(viewer.Locator(".bottom-nav")).ToBeVisibleAsync();
            await Assertions.Expect(viewer.Locator(".bottom-nav-orders")).ToHaveCountAsync(0);
            await AssertNoSidewaysScrollAsync(viewer, "Viewer's phone");
            await Browser.ScreenshotAsync(viewer, "team-phone-home");

            // The Admin shares a team list; the Viewer opens it before anything is in it.
            await admin.GotoAsync("watchlists");
            await WaitInteractiveAsync(admin);
            await admin.Locator("#watchlist-new-name").FillAsync("반도체 팀");
            await admin.Locator(".watchlist-new-team input").CheckAsync();
            await admin.Locator(".watchlist-create").ClickAsync();
            await admin.Locator(".watchlists-team .watchlists-link").First.ClickAsync();
            await ExpectAddressAsync(admin, new Regex("/watchlists/[^/]+$"));
            var listUrl = await admin.EvaluateAsync<string>("location.href");

            await viewer.GotoAsync(listUrl);
            await WaitInteractiveAsync(viewer);
            await Assertions.Expect(viewer.Locator(".watchlist-empty")).ToBeVisibleAsync();
            await Assertions.Expect(viewer.Locator(".watchlist-edit-toggle")).ToHaveCountAsync(0);
            await Assertions.Expect(viewer.Locator("#watchlist-add-search")).ToHaveCountAsync(0);

            await WaitInteractiveAsync(admin);
            await admin.Locator("#watchlist-add-search").FillAsync("005930");
            await admin.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();

            // MudAutocomplete answers a click on a result by first focusing its own input (a call into the browser), then
            // showing the stock's name there. On a loaded machine that call can land after the note field was focused and
            // before its text went in, and the note then goes into the search box (most likely how this journey lost its
            // note under load). Type the note once the search box shows the chosen stock: the focus call has run by then.
            await Assertions.Expect(admin.Locator("#watchlist-add-search")).ToHaveValueAsync(new Regex(@"\(005930\)"));
            await admin.Locator("#watchlist-add-note").FillAsync("HBM 수주 기대");
            await admin.Locator(".watchlist-add-button").ClickAsync();
            await Assertions.Expect(admin.Locator("tr.watchlist-row[data-code='005930']")).ToBeVisibleAsync();
            var sinceAdded = Stopwatch.StartNew();

            // The Admin's own row first: a note missing there was lost on the way in, not on the way to the Viewer.
            await Assertions.Expect(admin.Locator("tr.watchlist-row[data-code='005930']")).ToContainTextAsync("HBM 수주 기대");

            // Pushed to the Viewer without a reload, with who added it and why. How fast (the target is a second) is
            // printed, not asserted: on a box loaded by parallel builds a timed assertion failed at 1,031 ms, and speed
            // targets are judged by benchmarks, not by tests (DEVELOPERS.md).
            var shared = viewer.Locator("tr.watchlist-row[data-code='005930']");
            await Assertions.Expect(shared).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Console.WriteLine($"Team list edit reached the Viewer {sinceAdded.ElapsedMilliseconds} ms after the Admin saw it.");
            await Assertions.Expect(shared).ToContainTextAsync(AdminEmail);
            await Assertions.Expect(shared).ToContainTextAsync("HBM 수주 기대");
            await AssertNoSidewaysScrollAsync(viewer, "Viewer's phone");
            await Browser.ScreenshotAsync(viewer, "team-phone-shared-list");

            await ExpectAlertsFireAndNotifyOnlyWhenOptedInAsync(admin);

            // Installable: manifest and service worker pass Chromium's own check.
            await admin.GotoAsync("");
            await WaitInteractiveAsync(admin);
            Assert.True(await admin.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(() => true)"));
            var cdp = await desktop.NewCDPSessionAsync(admin);
            var answer = await cdp.SendAsync("Page.getInstallabilityErrors");
            var errors = answer!.Value.GetProperty("installabilityErrors").EnumerateArray()
                .Select(e => e.GetProperty("errorId").GetString())
                // Playwright's contexts are off-the-record profiles, where Chromium never offers to install anything.
                .Where(id => id != "in-incognito")
                .ToList();
            Assert.True(errors.Count == 0, "Chromium says the app is not installable: " + string.Join(", ", errors));
            await Browser.ScreenshotAsync(admin, "team-desktop-home");
        });
    }

    /// <summary>
    /// Price alerts the live market satisfies at once (any traded price is at or above 1 or 2 won). The first, before
    /// the Admin opts in to browser notifications, shows in the app only; the second, after, also as exactly one
    /// browser notification that names the stock and the price that fired it.
    /// </summary>
    private async Task ExpectAlertsFireAndNotifyOnlyWhenOptedInAsync(IPage admin)
    {
        await admin.GotoAsync("alerts");
        await WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator(".alerts-status-now")).ToContainTextAsync("지금 확인 중");
        await Assertions.Expect(admin.Locator(".alerts-browser-switch input")).Not.ToBeCheckedAsync();

        await CreatePriceAlertAsync(admin, threshold: 1);
        await Assertions.Expect(admin.Locator(".mud-snackbar", new() { HasText = "005930" }).First).ToBeVisibleAsync(new() { Timeout = (float)FiringWait.TotalMilliseconds });
        await Assertions.Expect(admin.Locator(".alerts-firing", new() { HasText = "현재가 1원" })).ToHaveCountAsync(1);
        await ScreenshotAsync(admin, "team-desktop-alert-fired");

        // Opting in asks the browser (granted for this context) and is saved once the switch shows it.
        await admin.Locator(".alerts-browser-switch input").ClickAsync();
        await Assertions.Expect(admin.Locator(".alerts-browser-switch input")).ToBeCheckedAsync();
        await Assertions.Expect(admin.Locator(".alerts-notification-problem")).ToHaveCountAsync(0);

        await CreatePriceAlertAsync(admin, threshold: 2);
        var fired = admin.Locator(".alerts-firing", new() { HasText = "현재가 2원" });
        await Assertions.Expect(fired).ToHaveCountAsync(1, new() { Timeout = (float)FiringWait.TotalMilliseconds });
        await NotificationRecorder.WaitForAsync(admin, 1, TimeSpan.FromSeconds(30));

        // Exactly one: none for the alert that fired before the opt-in, one for this one, with its stock and value.
        var shown = Assert.Single(await NotificationRecorder.ShownAsync(admin));
        var value = (await fired.Locator(".alerts-firing-value").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{1,3}(,\d{3})*원$", value);
        Assert.Equal("알림", shown.Title);
        Assert.Contains("005930", shown.Body, StringComparison.Ordinal);
        Assert.Contains("현재가 2원", shown.Body, StringComparison.Ordinal);
        Assert.EndsWith(value, shown.Body, StringComparison.Ordinal);
    }

    private async Task CreatePriceAlertAsync(IPage admin, int threshold)
    {
        // Only a trade moves a price alert; in a VI there are none until it ends.
        AssertContinuousTrading("005930");
        await admin.Locator(".alerts-code input").FillAsync("005930");
        await admin.Locator(".alerts-threshold input").FillAsync(threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator(".alerts-create").ClickAsync();
        await Assertions.Expect(admin.Locator(".alerts-rule", new() { HasText = $"현재가 {threshold}원" })).ToHaveCountAsync(1);
    }
}
