using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Rankings;

/// <summary>
/// A new member opens the rankings from the Markets menu, sees the day's volume leaders from the embedded
/// simulator, clicks a row and lands on that stock's page; on a phone the rankings and the sectors screen
/// fit the width. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class RankingsJourneyTests : IAsyncLifetime
{
    private const string Email = "ranker@team.test";
    private const string Password = "closing auction at yeouido";

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
    public async Task ARankingRowOpensTheStockPageOnDesktopAndTheScreensFitAPhone()
    {
        await using var desktop = await browser.DesktopAsync(app.BaseAddress);
        await Browser.TracedAsync(desktop, "rankings-journey-desktop", async () =>
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
            await page.Locator("a.mud-nav-link[href='rankings']").ClickAsync();
            await page.WaitForURLAsync("**/rankings");
            var rows = page.Locator("tr.screen-row-link");
            await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".refresh-status[data-state=waiting]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Browser.ScreenshotAsync(page, "rankings-desktop");

            var code = await rows.Nth(1).GetAttributeAsync("data-code");
            Assert.False(string.IsNullOrEmpty(code));
            await rows.Nth(1).Locator("td").Nth(3).ClickAsync();
            await page.WaitForURLAsync($"**/market/{code}");
            await Assertions.Expect(page.Locator(".order-book tr.book-ask")).ToHaveCountAsync(10, new() { Timeout = 30_000 });

            await page.GotoAsync("sectors");
            await Assertions.Expect(page.Locator(".sectors-list tr.screen-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.Locator(".sectors-list tr.screen-row").First.ClickAsync();
            await Assertions.Expect(page.Locator(".sector-summary")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Browser.ScreenshotAsync(page, "sectors-desktop");
        });

        await using var phoneContext = await browser.PhoneAsync(app.BaseAddress);
        await Browser.TracedAsync(phoneContext, "rankings-journey-phone", async () =>
        {
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync("Account/Login");
            await phone.Locator("[id='Input.Email']").FillAsync(Email);
            await phone.Locator("[id='Input.Password']").FillAsync(Password);
            await phone.Locator("#login-submit").ClickAsync();
            await phone.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));

            foreach (var (path, rowSelector, shot) in new[] { ("rankings", "tr.screen-row", "rankings-phone"), ("themes", ".themes-list tr.screen-row", "themes-phone") })
            {
                await phone.GotoAsync(path);
                await Assertions.Expect(phone.Locator(rowSelector).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"/{path} scrolls sideways by {overflow}px on a phone.");
                await Browser.ScreenshotAsync(phone, shot);
            }
        });
    }
}
