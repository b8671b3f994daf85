extern alias simulator;

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using simulator::Dashboard.Kiwoom.Simulator.Control;
using Xunit.Abstractions;

namespace Dashboard.EndToEnd.Tests.Trading;

/// <summary>
/// A new member trades in the embedded simulator: the stock page's book, tape and chart move while they watch,
/// a market buy through the page's order ticket becomes a position on the portfolio whose P&amp;L moves with the
/// ticks (desktop and a 390 px phone), and a VI triggered through the simulator's control surface shows as a
/// banner on another page within about a second. Screenshots go to artifacts/screenshots (and to
/// TRADING_SHOTS when set); a failing run leaves a Playwright trace in artifacts/traces.
/// </summary>
public sealed class TradingJourneyTests : IAsyncLifetime
{
    private const string Email = "trader@team.test";
    private const string Password = "closing auction at yeouido";
    private const string Code = "005930";
    private const int BuyQuantity = 10;
    private const string TriggeredNotice = ".vi-notice[data-code='005930'][data-kind='Triggered']";

    /// <summary>The issue asks for the banner within a second; the assertion allows CI's slower machines half a second more, and the measured value is printed.</summary>
    private static readonly TimeSpan BannerBudget = TimeSpan.FromMilliseconds(1_500);

    private static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper output;
    private LiveDashboard app = default!;
    private Browser browser = default!;

    public TradingJourneyTests(ITestOutputHelper output) => this.output = output;

    private SimulatorControl Simulator => app.Services.GetRequiredService<SimulatorControl>();

    public async Task InitializeAsync()
    {
        app = new LiveDashboard();
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task ABuyOnTheStockPageBecomesALivePositionAndAViShowsOnAnotherPage()
    {
        await using var desktop = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "ko-KR",
        });
        var page = await desktop.NewPageAsync();
        await Browser.TracedAsync(desktop, "trading-journey-desktop", async () =>
        {
            await RegisterFirstAccountAsync(page);

            // The stock page: book, tape and chart all move while we watch.
            await page.GotoAsync($"market/{Code}");
            await Assertions.Expect(page.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".trade-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".candle-chart .chart-host[data-last-bar]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await ExpectChangesAsync(page, ".order-book tbody", "order book");
            await ExpectChangesAsync(page, ".trade-tape tbody", "trade tape");
            await ExpectAttributeChangesAsync(page, ".candle-chart .chart-host", "data-last-bar", "chart's last bar");
            await ScreenshotAsync(page, "stock-desktop");

            // A market buy through the ticket beside the book (in continuous trading, so it fills at once).
            await WaitForContinuousTradingAsync();
            await page.Locator("#ticket-type").SelectOptionAsync("3");
            await page.Locator("#ticket-quantity").FillAsync(BuyQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#ticket-quantity").DispatchEventAsync("change");
            await page.Locator("#ticket-review").ClickAsync();
            await page.Locator("#ticket-place").ClickAsync();
            await Assertions.Expect(page.Locator("#ticket-result")).ToHaveAttributeAsync("data-outcome", "Accepted", new() { Timeout = 30_000 });

            // The position is on the portfolio, and its P&L moves with the ticks.
            await page.GotoAsync("portfolio");
            var row = page.Locator($".position-row[data-code='{Code}']");
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(BuyQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await ExpectChangesAsync(page, $".position-row[data-code='{Code}'] .position-profit", "position P&L");
            await ScreenshotAsync(page, "portfolio-desktop");
        });

        await using var phoneContext = await browser.PhoneAsync(app.BaseAddress);
        var phone = await phoneContext.NewPageAsync();
        await Browser.TracedAsync(phoneContext, "trading-journey-phone", async () =>
        {
            await phone.GotoAsync("Account/Login");
            await phone.Locator("[id='Input.Email']").FillAsync(Email);
            await phone.Locator("[id='Input.Password']").FillAsync(Password);
            await phone.Locator("#login-submit").ClickAsync();
            await phone.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));

            await phone.GotoAsync("portfolio");
            var card = phone.Locator($".position-card[data-code='{Code}']");
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".portfolio-total-evaluation")).ToBeVisibleAsync();
            await ExpectChangesAsync(phone, $".position-card[data-code='{Code}'] .position-profit", "position P&L on the phone");
            await AssertNoSidewaysScrollAsync(phone, "portfolio");
            await ScreenshotAsync(phone, "portfolio-phone");

            // One tap opens the stock page; each tab in turn, no sideways scroll on any of them.
            await card.ClickAsync();
            await phone.WaitForURLAsync($"**/market/{Code}");
            await Assertions.Expect(phone.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            foreach (var tab in new[] { "book", "chart", "tape", "trade", "info" })
            {
                await phone.Locator($".stock-tab[data-tab={tab}]").ClickAsync();
                await Assertions.Expect(phone.Locator($".stock-tab[data-tab={tab}][aria-selected=true]")).ToBeVisibleAsync();
                await AssertNoSidewaysScrollAsync(phone, $"stock page, {tab} tab");
                await ScreenshotAsync(phone, $"stock-phone-{tab}");
            }

            await phone.GotoAsync("portfolio");
            await Assertions.Expect(phone.Locator($".position-card[data-code='{Code}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });

        // Both members' pages are on the portfolio, not the stock page: the banner comes from the layout.
        await page.GotoAsync("portfolio");
        await Assertions.Expect(page.Locator($".position-row[data-code='{Code}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await WaitInteractiveAsync(page);
        await WaitInteractiveAsync(phone);
        // Let each circuit's VI watch finish reading holdings and today's list before the trigger.
        await page.WaitForTimeoutAsync(2_000);
        await WaitForContinuousTradingAsync();
        await Assertions.Expect(page.Locator(TriggeredNotice)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(phone.Locator(TriggeredNotice)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await WatchForBannerAsync(page);
        await WatchForBannerAsync(phone);

        var triggeredAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        Simulator.TriggerVi(Code, upward: true, isStatic: true);
        await Assertions.Expect(page.Locator(TriggeredNotice)).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(phone.Locator(TriggeredNotice)).ToBeVisibleAsync(new() { Timeout = 10_000 });
        clock.Stop();

        var desktopDelay = await BannerDelayAsync(page, triggeredAtMs);
        var phoneDelay = await BannerDelayAsync(phone, triggeredAtMs);
        output.WriteLine($"VI trigger to banner: desktop {desktopDelay} ms, phone {phoneDelay} ms (observer in each page); both seen by the test after {clock.ElapsedMilliseconds} ms");
        Assert.True(desktopDelay <= BannerBudget.TotalMilliseconds, $"The desktop banner came {desktopDelay} ms after the trigger.");
        Assert.True(phoneDelay <= BannerBudget.TotalMilliseconds, $"The phone banner came {phoneDelay} ms after the trigger.");
        await Assertions.Expect(page.Locator($".vi-notice[data-code='{Code}']")).ToContainTextAsync("VI");
        await ScreenshotAsync(page, "vi-banner-desktop");
        await ScreenshotAsync(phone, "vi-banner-phone");

        // Today's VI list has it, marked as the member's own, and the stock header says VI while it lasts.
        await page.GotoAsync("vi");
        await Assertions.Expect(page.Locator($".vi-row.vi-active[data-code='{Code}'] .vi-mine")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Read back from today's list (ka10054) on a fresh page: still an upward static VI, measured from a sane reference.
        var listed = page.Locator($".vi-row[data-code='{Code}']").First;
        await Assertions.Expect(listed.Locator("td").Nth(2)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("price-up"));
        var reference = long.Parse((await listed.Locator("td").Nth(4).InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var trigger = long.Parse((await listed.Locator("td").Nth(3).InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(trigger * 100.0 / reference, 108.0, 112.0);
        await ScreenshotAsync(page, "vi-page-desktop");
        await phone.GotoAsync("vi");
        await Assertions.Expect(phone.Locator($".vi-row[data-code='{Code}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNoSidewaysScrollAsync(phone, "VI page");
        await ScreenshotAsync(phone, "vi-page-phone");
        await page.GotoAsync($"market/{Code}");
        await Assertions.Expect(page.Locator(".stock-vi-badge")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "stock-vi-desktop");
    }

    private async Task RegisterFirstAccountAsync(IPage page)
    {
        await page.GotoAsync("Account/Register");
        await page.Locator("[id='Input.SetupCode']").FillAsync(app.SetupCode);
        await page.Locator("[id='Input.Email']").FillAsync(Email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
        await page.Locator("#register-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("Account/Register", StringComparison.Ordinal));
    }

    /// <summary>
    /// The simulator's random walk can start a VI on this stock by itself (a 10% drift or a sharp jump); a market
    /// order would then wait for the auction and an existing notice would hide ours. Wait such a VI out, bounded.
    /// </summary>
    private async Task WaitForContinuousTradingAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (Simulator.Market.Universe.Find(Code)!.InVi)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Code} stayed in a VI for three minutes.");
            await Task.Delay(500);
        }
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    /// <summary>Records in the page when the VI notice first appears, by the same wall clock the test reads at the trigger.</summary>
    private static Task WatchForBannerAsync(IPage page) => page.EvaluateAsync($$"""
        () => {
            window.__viSeenAt = null;
            const seen = () => document.querySelector("{{TriggeredNotice}}");
            new MutationObserver((_, observer) => {
                if (seen()) { window.__viSeenAt = Date.now(); observer.disconnect(); }
            }).observe(document.body, { childList: true, subtree: true });
        }
        """);

    private static async Task<long> BannerDelayAsync(IPage page, long triggeredAtMs)
    {
        var seenAt = await page.EvaluateAsync<long?>("() => window.__viSeenAt");
        Assert.True(seenAt.HasValue, "The page's observer never saw the VI notice appear (was it already there before the trigger?).");
        return seenAt.Value - triggeredAtMs;
    }

    /// <summary>The text under <paramref name="selector"/> changes while we watch: fed live, not a one-off snapshot.</summary>
    private static async Task ExpectChangesAsync(IPage page, string selector, string what)
    {
        var target = page.Locator(selector).First;
        var before = await target.InnerTextAsync();
        var deadline = DateTime.UtcNow + LiveWait;
        while (DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(250);
            if (await target.InnerTextAsync() != before)
            {
                return;
            }
        }

        Assert.Fail($"The {what} did not change within {LiveWait.TotalSeconds} s.");
    }

    private static async Task ExpectAttributeChangesAsync(IPage page, string selector, string attribute, string what)
    {
        var target = page.Locator(selector).First;
        var before = await target.GetAttributeAsync(attribute);
        var deadline = DateTime.UtcNow + LiveWait;
        while (DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(250);
            if (await target.GetAttributeAsync(attribute) != before)
            {
                return;
            }
        }

        Assert.Fail($"The {what} did not change within {LiveWait.TotalSeconds} s.");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The {where} scrolls sideways by {overflow}px on a phone.");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await Browser.ScreenshotAsync(page, "trading-" + name);
        if (Environment.GetEnvironmentVariable("TRADING_SHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
