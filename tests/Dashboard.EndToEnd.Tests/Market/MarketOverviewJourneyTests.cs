using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Market;

/// <summary>
/// On an empty database: the first account registers and sees the market overview tick live from the
/// embedded simulator, opens a stock with live trades, and sees the same overview on a phone without
/// sideways scrolling. Screenshots go to artifacts/screenshots; a failing run leaves a Playwright trace in
/// artifacts/traces.
/// </summary>
public sealed class MarketOverviewJourneyTests : IAsyncLifetime
{
    private const string Email = "first@team.test";
    private const string Password = "morning bell at gwanghwamun";
    private static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(30);

    private LiveDashboard app = default!;
    private Browser browser = default!;

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
    public async Task FirstAccountSeesTheOverviewTickLiveOnDesktopAndPhone()
    {
        await using var desktop = await browser.DesktopAsync(app.BaseAddress);
        await Browser.TracedAsync(desktop, "market-journey-desktop", async () =>
        {
            var page = await desktop.NewPageAsync();
            await page.GotoAsync("Account/Register");
            await page.Locator("[id='Input.SetupCode']").FillAsync(app.SetupCode);
            await page.Locator("[id='Input.Email']").FillAsync(Email);
            await page.Locator("[id='Input.Password']").FillAsync(Password);
            await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
            await page.Locator("#register-submit").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("Account/Register", StringComparison.Ordinal));

            await page.GotoAsync("market");
            await Assertions.Expect(page.Locator(".market-quote")).ToHaveCountAsync(12, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".connection-chip[data-state=connected]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".market-index .price-up, .market-index .price-down, .market-index .price-flat").First).ToBeVisibleAsync();
            await ExpectTicksAsync(page);
            await Assertions.Expect(page.Locator(".market-quotes .freshness-live")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "market-overview-desktop");

            // The symbol search finds a stock by name and opens its page with live trades.
            await page.Locator("#symbol-search").First.FillAsync("삼성전자");
            await page.Locator(".mud-list-item", new() { HasText = "005930" }).First.ClickAsync();
            await page.WaitForURLAsync("**/market/005930");
            await Assertions.Expect(page.Locator(".stock-title")).ToContainTextAsync("삼성전자", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".trade-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await ExpectTradingScreenAsync(page);
            await Assertions.Expect(page.Locator(".stock-info [data-field=per]")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "market-stock-desktop");
        });

        await using var phoneContext = await browser.PhoneAsync(app.BaseAddress);
        await Browser.TracedAsync(phoneContext, "market-journey-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync("Account/Login");
            await phone.Locator("[id='Input.Email']").FillAsync(Email);
            await phone.Locator("[id='Input.Password']").FillAsync(Password);
            await phone.Locator("#login-submit").ClickAsync();
            await phone.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));
            await phone.GotoAsync("market");
            await Assertions.Expect(phone.Locator(".market-quote")).ToHaveCountAsync(12, new() { Timeout = 30_000 });
            await ExpectTicksAsync(phone);
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"The overview scrolls sideways by {overflow}px on a phone.");
            await Browser.ScreenshotAsync(phone, "market-overview-phone");

            await phone.GotoAsync("market/005930");
            // On a phone the boxes are tabs: the book first, the chart one tap away.
            await Assertions.Expect(phone.Locator(".stock-tab[data-tab=book][aria-selected=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
            await Assertions.Expect(phone.Locator(".candle-chart")).ToBeHiddenAsync();
            await phone.Locator(".stock-tab[data-tab=chart]").ClickAsync();
            await ExpectTradingScreenAsync(phone, bookVisible: false);
            overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"The stock page scrolls sideways by {overflow}px on a phone.");
            await Browser.ScreenshotAsync(phone, "market-stock-phone");
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

    /// <summary>Some price in the list changes while we watch: the page is fed live, not a one-off snapshot.</summary>
    private static async Task ExpectTicksAsync(IPage page)
    {
        var rows = page.Locator(".market-quote");
        var before = await rows.AllInnerTextsAsync();
        var deadline = DateTime.UtcNow + LiveWait;
        while (DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(250);
            if (!before.SequenceEqual(await rows.AllInnerTextsAsync()))
            {
                return;
            }
        }

        Assert.Fail($"No quote changed within {LiveWait.TotalSeconds} s.");
    }
}
