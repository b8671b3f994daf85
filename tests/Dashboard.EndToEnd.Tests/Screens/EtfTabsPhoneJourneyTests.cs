using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Screens;

/// <summary>
/// On a 390x844 phone the ETF page's tab strip (six trend tables) is wider than the screen: its tabs scroll inside the
/// strip, the last one can be reached and opened, and the page itself never scrolls sideways.
/// Screenshots: artifacts/screenshots/screens-etf-tabs-phone-*.png.
/// </summary>
public sealed class EtfTabsPhoneJourneyTests : Journey
{
    private const string Kodex200 = "069500";

    [Fact]
    public async Task OnAPhoneEveryEtfTabCanBeReachedWithoutTheWholePageScrollingSideways()
    {
        await using var phoneContext = await NewContextAsync(Device.Phone);
        await Browser.TracedAsync(phoneContext, "etf-tabs-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await RegisterAdminAsync(phone, "etf-tabs@team.test", twoFactor: false);
            await phone.GotoAsync($"etf/{Kodex200}");
            await PageChecks.WaitInteractiveAsync(phone);

            var tabs = phone.Locator(".etf-tabs .mud-tab");
            await Assertions.Expect(tabs).ToHaveCountAsync(6, new() { Timeout = 30_000 });
            await PageChecks.AssertNoSidewaysScrollAsync(phone, "ETF page on a phone");
            await ScreenshotAsync(phone, "screens-etf-tabs-phone-first");

            // The strip is wider than the phone: the last tab starts out of sight, and moving the strip sideways (what a
            // swipe does; here the wheel over the strip) brings it in. Nothing else moves: the page does not scroll.
            var last = tabs.Last;
            var viewport = phone.ViewportSize!.Width;
            Assert.False(await FullyInsideAsync(last, viewport), "The six ETF tabs fit a 390 px screen; this journey no longer checks anything.");
            const string Strip = ".etf-tabs .mud-tabs-tabbar-content";
            await phone.Locator(Strip).ScrollIntoViewIfNeededAsync();
            var box = await phone.Locator(Strip).BoundingBoxAsync();
            await phone.Mouse.MoveAsync(box!.X + (box.Width / 2), box.Y + (box.Height / 2));
            for (var k = 0; k < 10 && !await FullyInsideAsync(last, viewport); k++)
            {
                var before = await phone.EvaluateAsync<double>("s => document.querySelector(s).scrollLeft", Strip);
                await phone.Mouse.WheelAsync(200, 0);
                try
                {
                    await phone.WaitForFunctionAsync("([s, b]) => document.querySelector(s).scrollLeft > b", new object[] { Strip, before }, new() { Timeout = 5_000 });
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"The ETF tab strip does not move sideways (scrollLeft stays {before}); its last tabs are out of reach.");
                }
            }

            Assert.True(await FullyInsideAsync(last, viewport), "The last ETF tab cannot be brought onto a 390 px screen.");
            await last.ClickAsync();
            await Assertions.Expect(phone.Locator(".tr-panel[data-api='ka40001']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(last).ToHaveClassAsync(new Regex("mud-tab-active"));
            await PageChecks.AssertNoSidewaysScrollAsync(phone, "ETF page on a phone, last tab open");
            await ScreenshotAsync(phone, "screens-etf-tabs-phone-last");
        });
    }

    /// <summary>The element is drawn wholly within the screen's width (not clipped at either side).</summary>
    private static async Task<bool> FullyInsideAsync(ILocator element, int viewportWidth)
    {
        var box = await element.BoundingBoxAsync();
        return box is not null && box.X >= 0 && box.X + box.Width <= viewportWidth + 0.5;
    }
}
