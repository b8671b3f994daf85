using Microsoft.Playwright;
using static Dashboard.EndToEnd.Tests.PageChecks;

namespace Dashboard.EndToEnd.Tests.Market;

/// <summary>
/// On an empty database: the first account registers and sees the market overview tick live from the
/// embedded simulator, opens a stock with live trades, and sees the same overview on a phone without
/// sideways scrolling. Screenshots go to artifacts/screenshots; a failing run leaves a Playwright trace in
/// artifacts/traces.
/// </summary>
public sealed class MarketOverviewJourneyTests : Journey
{
    // Not "first@…": the password rules refuse a password that contains the e-mail's name ("first light over hangang").
    private const string Email = "market@team.test";

    [Fact]
    public async Task FirstAccountSeesTheOverviewTickLiveOnDesktopAndPhone()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        await Browser.TracedAsync(desktop, "market-journey-desktop", async () =>
        {
            var page = await desktop.NewPageAsync();
            await RegisterAdminAsync(page, Email, twoFactor: false);

            await page.GotoAsync("market");
            await Assertions.Expect(page.Locator(".market-quote")).ToHaveCountAsync(12, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".connection-chip[data-state=connected]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".market-index .price-up, .market-index .price-down, .market-index .price-flat").First).ToBeVisibleAsync();
            await ExpectTextChangesAsync(page.Locator(".market-quote"), "overview's quotes");
            await Assertions.Expect(page.Locator(".market-quotes .freshness-live")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "market-overview-desktop");

            // The symbol search finds a stock by name and opens its page with live trades.
            await page.Locator("#symbol-search").First.FillAsync("삼성전자");
            await page.Locator(".mud-list-item", new() { HasText = "005930" }).First.ClickAsync();
            await ExpectAddressAsync(page, "/market/005930");
            await Assertions.Expect(page.Locator(".stock-title")).ToContainTextAsync("삼성전자", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".trade-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await ExpectTradingScreenAsync(page);
            await Assertions.Expect(page.Locator(".stock-info [data-field=per]")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "market-stock-desktop");
        });

        await using var phoneContext = await NewContextAsync(Device.Phone);
        await Browser.TracedAsync(phoneContext, "market-journey-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await LogInAsync(phone, Email);
            await phone.GotoAsync("market");
            await Assertions.Expect(phone.Locator(".market-quote")).ToHaveCountAsync(12, new() { Timeout = 30_000 });
            await ExpectTextChangesAsync(phone.Locator(".market-quote"), "overview's quotes on a phone");
            await AssertNoSidewaysScrollAsync(phone, "overview on a phone");
            await ScreenshotAsync(phone, "market-overview-phone");

            await phone.GotoAsync("market/005930");
            // On a phone the boxes are tabs: the book first, the chart one tap away.
            await Assertions.Expect(phone.Locator(".stock-tab[data-tab=book][aria-selected=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".candle-chart")).ToBeHiddenAsync();
            await phone.Locator(".stock-tab[data-tab=chart]").ClickAsync();
            await ExpectTradingScreenAsync(phone, bookVisible: false);
            await AssertNoSidewaysScrollAsync(phone, "stock page on a phone");
            await ScreenshotAsync(phone, "market-stock-phone");
        });
    }

    /// <summary>The stock page's order book has ten levels a side and the chart has drawn bars on its canvas.</summary>
    private static async Task ExpectTradingScreenAsync(IPage page, bool bookVisible = true)
    {
        await Assertions.Expect(page.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".order-book tr.book-bid")).ToHaveCountAsync(10);
        if (bookVisible)
        {
            await Assertions.Expect(page.Locator(".order-book tr.book-ask").First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(".candle-chart canvas").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".candle-chart[data-bars='0']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
