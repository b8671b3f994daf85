using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Dashboard.EndToEnd.Tests.PageChecks;

namespace Dashboard.EndToEnd.Tests.Trading;

/// <summary>
/// A new member trades in the embedded simulator: the stock page's book, tape and chart move while they watch,
/// a market buy through the page's order ticket becomes a position on the portfolio whose P&amp;L moves with the
/// ticks (desktop and a 390 px phone), and a VI triggered through the simulator's control surface shows as a
/// banner on another page within about a second. Screenshots go to artifacts/screenshots (and to
/// JOURNEY_SHOTS when set); a failing run leaves a Playwright trace in artifacts/traces.
/// </summary>
public sealed class TradingJourneyTests : Journey
{
    private const string Email = "trader@team.test";
    private const string Code = "005930";
    private const int BuyQuantity = 10;
    private const string TriggeredNotice = ".vi-notice[data-code='005930'][data-kind='Triggered']";

    /// <summary>The issue asks for the banner within a second; the assertion allows CI's slower machines half a second more, and the measured value is printed.</summary>
    private static readonly TimeSpan BannerBudget = TimeSpan.FromMilliseconds(1_500);

    private readonly ITestOutputHelper output;

    public TradingJourneyTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task ABuyOnTheStockPageBecomesALivePositionAndAViShowsOnAnotherPage()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        var page = await desktop.NewPageAsync();
        await Browser.TracedAsync(desktop, "trading-journey-desktop", async () =>
        {
            await RegisterAdminAsync(page, Email, twoFactor: false);

            // The stock page: book, tape and chart all move while we watch.
            await page.GotoAsync($"market/{Code}");
            await Assertions.Expect(page.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".trade-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".candle-chart .chart-host[data-last-bar]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await ExpectTextChangesAsync(page.Locator(".order-book tbody").First, "order book");
            await ExpectTextChangesAsync(page.Locator(".trade-tape tbody").First, "trade tape");
            await ExpectAttributeChangesAsync(page.Locator(".candle-chart .chart-host").First, "data-last-bar", "chart's last bar");
            await Shoot(page, "stock-desktop");

            // The ticket draws its own outlined paper; the page must not wrap it in a second one (a double border).
            var framesAroundTicket = await page.Locator(".order-ticket").EvaluateAsync<int>(
                "ticket => { let n = 0; for (let e = ticket.parentElement; e; e = e.parentElement) { if (e.classList.contains('mud-paper-outlined')) n++; } return n; }");
            Assert.Equal(0, framesAroundTicket);

            // A market buy through the ticket beside the book (in continuous trading, so it fills at once).
            AssertContinuousTrading(Code);
            await page.Locator("#ticket-type").SelectOptionAsync("3");
            await page.Locator("#ticket-quantity").FillAsync(BuyQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#ticket-quantity").DispatchEventAsync("change");
            await page.Locator("#ticket-review").ClickAsync();
            await page.Locator("#ticket-place").ClickAsync();
            await Assertions.Expect(page.Locator("#ticket-result")).ToHaveAttributeAsync("data-outcome", "Accepted", new() { Timeout = 30_000 });
            // The position is on the portfolio, and its P&L moves with the ticks.
            await page.GotoAsync("portfolio");
            var row = page.Locator($".position-row[data-code='{Code}']");
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(BuyQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await ExpectTextChangesAsync(page.Locator($".position-row[data-code='{Code}'] .position-profit").First, "position P&L");
            await Shoot(page, "portfolio-desktop");
        });

        await using var phoneContext = await NewContextAsync(Device.Phone);
        var phone = await phoneContext.NewPageAsync();
        await Browser.TracedAsync(phoneContext, "trading-journey-phone", async () =>
        {
            await LogInAsync(phone, Email);

            await phone.GotoAsync("portfolio");
            var card = phone.Locator($".position-card[data-code='{Code}']");
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".portfolio-total-evaluation")).ToBeVisibleAsync();
            await ExpectTextChangesAsync(phone.Locator($".position-card[data-code='{Code}'] .position-profit").First, "position P&L on the phone");
            await AssertNoSidewaysScrollAsync(phone, "portfolio on a phone");
            await Shoot(phone, "portfolio-phone");

            // One tap opens the stock page; each tab in turn, no sideways scroll on any of them.
            await card.ClickAsync();
            await ExpectAddressAsync(phone, $"/market/{Code}");
            await Assertions.Expect(phone.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            foreach (var tab in new[] { "book", "chart", "tape", "trade", "info" })
            {
                await phone.Locator($".stock-tab[data-tab={tab}]").ClickAsync();
                await Assertions.Expect(phone.Locator($".stock-tab[data-tab={tab}][aria-selected=true]")).ToBeVisibleAsync();
                await AssertNoSidewaysScrollAsync(phone, $"stock page, {tab} tab on a phone");
                await Shoot(phone, $"stock-phone-{tab}");
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
        AssertContinuousTrading(Code);
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
        await Assertions.Expect(page.Locator(TriggeredNotice)).ToContainTextAsync("VI");
        await Shoot(page, "vi-banner-desktop");
        await Shoot(phone, "vi-banner-phone");

        // Today's VI list has it, marked as the member's own, and the stock header says VI while it lasts.
        await page.GotoAsync("vi");
        await Assertions.Expect(page.Locator($".vi-row.vi-active[data-code='{Code}'] .vi-mine")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Read back from today's list (ka10054) on a fresh page: still an upward static VI, measured from a sane reference.
        // The journey's simulator starts no VI by itself: the only row of 005930 is the one triggered here.
        await Assertions.Expect(page.Locator($".vi-row[data-code='{Code}']")).ToHaveCountAsync(1);
        var listed = page.Locator($".vi-row.vi-active[data-code='{Code}']");
        await Assertions.Expect(listed.Locator("td").Nth(2)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("price-up"));
        var reference = long.Parse((await listed.Locator("td").Nth(4).InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var trigger = long.Parse((await listed.Locator("td").Nth(3).InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(trigger * 100.0 / reference, 108.0, 112.0);
        await Shoot(page, "vi-page-desktop");
        await phone.GotoAsync("vi");
        await Assertions.Expect(phone.Locator($".vi-row.vi-active[data-code='{Code}']").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNoSidewaysScrollAsync(phone, "VI page on a phone");
        await Shoot(phone, "vi-page-phone");
        await page.GotoAsync($"market/{Code}");
        await Assertions.Expect(page.Locator(".stock-vi-badge")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shoot(page, "stock-vi-desktop");
    }

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

    private static Task Shoot(IPage page, string name) => ScreenshotAsync(page, "trading-" + name);
}
