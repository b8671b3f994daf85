using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Screens;

/// <summary>
/// On a 390x844 phone the tab strips of the ETF page (six trend tables) and of an ELW's page (four tables with long
/// names) are wider than the screen: their tabs scroll inside the strip, the last one can be reached and opened, and the
/// page itself never scrolls sideways. Screenshots: artifacts/screenshots/screens-{etf,elw}-tabs-phone-*.png.
/// </summary>
public sealed class TabStripsPhoneJourneyTests : Journey
{
    private const string Kodex200 = "069500";

    [Theory]
    [InlineData("etf", 6, "ka40001")]
    [InlineData("elw", 4, "ka30011")]
    public async Task OnAPhoneEveryTabCanBeReachedWithoutTheWholePageScrollingSideways(string screen, int tabCount, string lastApi)
    {
        await using var phoneContext = await NewContextAsync(Device.Phone);
        await Browser.TracedAsync(phoneContext, $"{screen}-tabs-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await RegisterAdminAsync(phone, $"{screen}-tabs@team.test", twoFactor: false);
            await phone.GotoAsync(screen == "etf" ? $"etf/{Kodex200}" : $"elw/{await FirstElwAsync(phone)}");
            await PageChecks.WaitInteractiveAsync(phone);

            var tabs = phone.Locator($".{screen}-tabs .mud-tab");
            await Assertions.Expect(tabs).ToHaveCountAsync(tabCount, new() { Timeout = 30_000 });
            await PageChecks.AssertNoSidewaysScrollAsync(phone, $"{screen} page on a phone");
            if (screen == "elw")
            {
                // Korean labels in the Greeks table break at spaces only, not between syllables ("이 / 론 / 가").
                var label = phone.Locator(".elw-greeks td, .elw-indicators td").First;
                await Assertions.Expect(label).ToBeVisibleAsync(new() { Timeout = 30_000 });
                Assert.Equal("keep-all", await label.EvaluateAsync<string>("td => getComputedStyle(td).wordBreak"));
            }

            await ScreenshotAsync(phone, $"screens-{screen}-tabs-phone-first");

            // The strip is wider than the phone: the last tab starts out of sight, and moving the strip sideways (what a
            // swipe does; here the wheel over the strip) brings it in. Nothing else moves: the page does not scroll.
            var last = tabs.Last;
            var viewport = phone.ViewportSize!.Width;
            Assert.False(await FullyInsideAsync(last, viewport), $"The {screen} tabs fit a 390 px screen; this journey no longer checks anything.");
            var strip = $".{screen}-tabs .mud-tabs-tabbar-content";
            await phone.Locator(strip).ScrollIntoViewIfNeededAsync();
            var box = await phone.Locator(strip).BoundingBoxAsync();
            await phone.Mouse.MoveAsync(box!.X + (box.Width / 2), box.Y + (box.Height / 2));
            for (var k = 0; k < 10 && !await FullyInsideAsync(last, viewport); k++)
            {
                var before = await phone.EvaluateAsync<double>("s => document.querySelector(s).scrollLeft", strip);
                await phone.Mouse.WheelAsync(200, 0);
                try
                {
                    await phone.WaitForFunctionAsync("([s, b]) => document.querySelector(s).scrollLeft > b", new object[] { strip, before }, new() { Timeout = 5_000 });
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"The {screen} tab strip does not move sideways (scrollLeft stays {before}); its last tabs are out of reach.");
                }
            }

            Assert.True(await FullyInsideAsync(last, viewport), $"The last {screen} tab cannot be brought onto a 390 px screen.");
            await last.ClickAsync();
            await Assertions.Expect(phone.Locator($".tr-panel[data-api='{lastApi}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(last).ToHaveClassAsync(new Regex("mud-tab-active"));
            await PageChecks.AssertNoSidewaysScrollAsync(phone, $"{screen} page on a phone, last tab open");
            await ScreenshotAsync(phone, $"screens-{screen}-tabs-phone-last");
        });
    }

    /// <summary>The first warrant the ELW search (ka30005) lists, as a member would pick it.</summary>
    private static async Task<string> FirstElwAsync(IPage page)
    {
        await page.GotoAsync("elw");
        var link = page.Locator("[data-api='ka30005'] tr.tr-row td[data-column='stk_cd'] a").First;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return (await link.GetAttributeAsync("href"))!.Split('/')[^1];
    }

    /// <summary>The element is drawn wholly within the screen's width (not clipped at either side).</summary>
    private static async Task<bool> FullyInsideAsync(ILocator element, int viewportWidth)
    {
        var box = await element.BoundingBoxAsync();
        return box is not null && box.X >= 0 && box.X + box.Width <= viewportWidth + 0.5;
    }
}
