using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Screens;

/// <summary>
/// A new member walks the market screens against the embedded simulator: an ETF's NAV moves on screen (0G),
/// a live condition search shows a stock entering with its time, and the explorer calls ka10001 and pages
/// ka10081 with "more". Every market screen is then opened on a 1366x900 desktop and a 390x844 phone,
/// screenshotted (artifacts/screenshots/screens-*.png) and checked for sideways scroll on the phone.
/// </summary>
public sealed partial class MarketScreensJourneyTests : Journey
{
    private const string Email = "screens@team.test";

    [Fact]
    public async Task EtfNavMovesAConditionWatchShowsAnEntryAndTheExplorerPagesAChart()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        string etf = string.Empty, elw = string.Empty;
        await Browser.TracedAsync(desktop, "screens-journey-desktop", async () =>
        {
            var page = await desktop.NewPageAsync();
            await RegisterAdminAsync(page, Email, twoFactor: false);

            (etf, elw) = await WatchEtfNavMoveAsync(page);
            await WatchAConditionUntilAStockEntersAsync(page);
            await CallTheExplorerAsync(page);
            await ShootEveryScreenAsync(page, "desktop", etf, elw);
        });

        await using var phoneContext = await NewContextAsync(Device.Phone);
        await Browser.TracedAsync(phoneContext, "screens-journey-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await LogInAsync(phone, Email);
            await ShootEveryScreenAsync(phone, "phone", etf, elw);
        });
    }

    /// <summary>The ETF list opens an ETF whose NAV card first shows a value, then a different one, pushed by 0G.</summary>
    private async Task<(string Etf, string Elw)> WatchEtfNavMoveAsync(IPage page)
    {
        await page.GotoAsync("etf");
        var link = page.Locator("[data-api='ka40004'] tr.tr-row td[data-column='stk_nm'] a").First;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shoot(page, "etf-list-desktop");
        await link.ClickAsync();
        await PageChecks.ExpectAddressAsync(page, new Regex(@"/etf/[0-9A-Z]{6}$"));
        var etf = page.Url[^6..];

        var nav = page.Locator(".etf-nav");
        await Assertions.Expect(nav).ToHaveTextAsync(NavNumber(), new() { Timeout = 30_000 });
        // 0G comes with the ETF's trades.
        AssertContinuousTrading(etf);
        var first = (await nav.TextContentAsync())!.Trim();
        await Assertions.Expect(nav).Not.ToHaveTextAsync(first, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".etf-nav-time")).ToHaveTextAsync(ClockTime(), new() { Timeout = 5_000 });
        Assert.True(decimal.TryParse((await nav.TextContentAsync())!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out _));

        // An ELW to open later: the list's first search row.
        await page.GotoAsync("elw");
        var elwLink = page.Locator("[data-api='ka30005'] tr.tr-row td[data-column='stk_cd'] a").First;
        await Assertions.Expect(elwLink).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var elw = (await elwLink.GetAttributeAsync("href"))!.Split('/')[^1];
        return (etf, elw);
    }

    /// <summary>
    /// Watches the saved condition "VI 발동 종목" (stocks in a volatility interruption); when the market puts a stock
    /// into VI it enters the live list (a type 02 insert) with the time it entered.
    /// </summary>
    private async Task WatchAConditionUntilAStockEntersAsync(IPage page)
    {
        await page.GotoAsync("conditions");
        var select = page.Locator(".conditions-select");
        await Assertions.Expect(select).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "VI" }).First.ClickAsync();
        await page.Locator(".conditions-watch").ClickAsync();
        await Assertions.Expect(page.Locator(".conditions-watching")).ToContainTextAsync("VI", new() { Timeout = 15_000 });

        // The market event the member waits for, made to happen now rather than whenever the simulated market does.
        var code = Simulator.Market.Universe.Stocks.First(s => !s.InVi && !s.Halted).Code;
        Simulator.TriggerVi(code);

        var insert = page.Locator($"tr.conditions-insert[data-code='{code}']");
        await Assertions.Expect(insert).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(insert.Locator("td").First).ToHaveTextAsync(ClockTime());
        var member = page.Locator($"tr.conditions-member[data-code='{code}']");
        await Assertions.Expect(member.Locator("td").Last).ToHaveTextAsync(ClockTime());
        await Assertions.Expect(member.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"\d"), new() { Timeout = 15_000 });
        await Shoot(page, "conditions-desktop");
    }

    /// <summary>ka10001 answers a stock's basic info; ka10081 answers a daily chart whose "more" appends older rows.</summary>
    private static async Task CallTheExplorerAsync(IPage page)
    {
        await page.GotoAsync("explorer");
        await page.Locator("#explorer-search").FillAsync("ka10001");
        await page.Locator("a.explorer-result[data-api='ka10001']").ClickAsync();
        await PageChecks.ExpectAddressAsync(page, "/explorer/ka10001");
        await page.Locator("#field-stk_cd").FillAsync("005930");
        await page.Locator(".explorer-send").ClickAsync();
        await Assertions.Expect(page.Locator(".explorer-fields tr[data-field='stk_nm'] td").Last).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".explorer-fields tr[data-field='cur_prc'] td").Last).ToHaveTextAsync(new Regex(@"\d"));
        await Assertions.Expect(page.Locator(".explorer-broker-error")).ToHaveCountAsync(0);

        await page.GotoAsync("explorer/ka10081");
        await page.Locator(".explorer-send").ClickAsync();
        var rows = page.Locator(".explorer-rows tr.explorer-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var firstPage = await rows.CountAsync();
        await page.Locator(".explorer-more").ClickAsync();
        // "more" appends the next page below the first: more rows than before, waited for in the page itself.
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.explorer-rows tr.explorer-row').length > n", firstPage, new() { Timeout = 30_000 });
        await Shoot(page, "explorer-desktop");
    }

    /// <summary>Each market screen with its content loaded; on the phone the page must not scroll sideways.</summary>
    private async Task ShootEveryScreenAsync(IPage page, string device, string etf, string elw)
    {
        var screens = new (string Path, string Ready, string Shot)[]
        {
            ("rankings", "tr.screen-row", "rankings"),
            ("sectors", ".sectors-list tr.screen-row", "sectors"),
            ("themes", ".themes-list tr.screen-row", "themes"),
            ("etf", ".tr-panel tr.tr-row", "etf-list"),
            ($"etf/{etf}", ".tr-panel tr.tr-row", "etf-detail"),
            ("elw", ".tr-panel tr.tr-row", "elw-list"),
            ($"elw/{elw}", ".elw-greeks table", "elw-detail"),
            ("flows", ".tr-panel tr.tr-row", "flows"),
            ("conditions", ".conditions-select", "conditions"),
            ("explorer/ka10001", ".explorer-tr", "explorer"),
        };
        foreach (var (path, ready, shot) in screens)
        {
            if (device == "desktop" && shot is "etf-list" or "conditions" or "explorer")
            {
                continue; // Taken above, with their answers on screen.
            }

            if (shot == "elw-detail")
            {
                // Its greeks come with the warrant's trades (0m).
                AssertContinuousTrading(elw);
            }

            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            if (device == "phone")
            {
                await PageChecks.AssertNoSidewaysScrollAsync(page, $"/{path} page on a phone");
            }

            await Shoot(page, $"{shot}-{device}");
            if (shot == "sectors")
            {
                // The first sector (the composite index) lists its member stocks (ka20002), priced live.
                await page.Locator(".sectors-list tr.screen-row").First.ClickAsync();
                await Assertions.Expect(page.Locator(".sector-members tr.screen-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                await Shoot(page, $"sector-detail-{device}");
            }
        }
    }

    private static Task Shoot(IPage page, string name) => ScreenshotAsync(page, "screens-" + name);

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*\.\d{2}$")]
    private static partial Regex NavNumber();

    [GeneratedRegex(@"\d{2}:\d{2}:\d{2}")]
    private static partial Regex ClockTime();
}
