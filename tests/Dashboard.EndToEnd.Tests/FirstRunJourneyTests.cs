using Dashboard.Web.Security;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// On an empty database: the first account becomes Admin and sets up 2FA, invites a Viewer who joins
/// from a phone, the Viewer cannot reach admin pages, and disabling the Viewer signs their open page out.
/// </summary>
public sealed class FirstRunJourneyTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@team.test";
    private const string ViewerEmail = "viewer@team.test";
    private const string Password = "first light over hangang";
    private const string TestAppKey = "E2Eappkey9f8e7d6c5b4a";
    private const string TestSecret = "E2Esecret1a2b3c4d5e6f7";

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
    public async Task FirstAdminSetsUpTwoFactorInvitesAViewerAndDisablesThem()
    {
        await using var desktop = await browser.DesktopAsync(app.BaseAddress);
        var admin = await desktop.NewPageAsync();

        // First account on a fresh install: no invitation needed, becomes Admin, goes straight to 2FA setup.
        await admin.GotoAsync("Account/Register");
        await Assertions.Expect(admin.Locator("#first-account")).ToBeVisibleAsync();

        // The operator reads the one-time setup code off the server's console.
        await admin.Locator("[id='Input.SetupCode']").FillAsync(app.SetupCode);
        await RegisterAsync(admin, AdminEmail);
        await admin.WaitForURLAsync("**/Account/Manage/EnableAuthenticator");

        var sharedKey = (await admin.Locator("kbd").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = SingleUseTotpTokenProvider.ComputeCode(Base32.Decode(sharedKey), DateTimeOffset.UtcNow).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await admin.Locator("[id='Input.Code']").FillAsync(code);
        await admin.Locator("button[type=submit]", new() { HasText = "Verify" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".recovery-code").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(admin, "desktop-2fa-recovery-codes");

        // The starter simulator connection is there; add a mock connection and make sure its keys never reach the browser.
        await admin.GotoAsync("settings/connections");
        await WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator(".connection-card").First).ToBeVisibleAsync();
        await admin.Locator("#connection-label").FillAsync("모의투자");
        await admin.Locator("#connection-appkey").FillAsync(TestAppKey);
        await admin.Locator("#connection-secret").FillAsync(TestSecret);
        await admin.Locator("#connection-save").ClickAsync();
        await Assertions.Expect(admin.Locator(".connection-card")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator("#connection-appkey")).ToHaveValueAsync(string.Empty);
        await AssertNoSecretsInBrowserAsync(admin);
        await Browser.ScreenshotAsync(admin, "desktop-connections");

        // Invite a Viewer.
        await admin.GotoAsync("admin/members");
        await WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("#members-table")).ToBeVisibleAsync();
        await admin.Locator("#create-invite").ClickAsync();
        var inviteInput = admin.Locator("#invite-link");
        await Assertions.Expect(inviteInput).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("invite="));
        var invite = await inviteInput.InputValueAsync();
        await Browser.ScreenshotAsync(admin, "desktop-members");

        // The Viewer joins from a phone.
        await using var phone = await browser.PhoneAsync(app.BaseAddress);
        var viewer = await phone.NewPageAsync();
        await viewer.GotoAsync(invite);
        await RegisterAsync(viewer, ViewerEmail);
        // A new member lands on the live market of the simulator connection they were given.
        await Assertions.Expect(viewer.Locator(".home-index").First).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(viewer);
        await Browser.ScreenshotAsync(viewer, "phone-overview");

        await viewer.GotoAsync("settings/connections");
        await Assertions.Expect(viewer.Locator("#connection-form")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(viewer);
        await Browser.ScreenshotAsync(viewer, "phone-connections");

        // A Viewer never reaches admin pages.
        await viewer.GotoAsync("admin/members");
        await viewer.WaitForURLAsync("**/Account/AccessDenied**");
        await Assertions.Expect(viewer.Locator("#members-table")).ToHaveCountAsync(0);

        // Disabling the Viewer signs their open page out within 10 seconds (SEC-23).
        await viewer.GotoAsync("");
        await WaitInteractiveAsync(viewer);
        await Assertions.Expect(viewer.Locator(".home-index").First).ToBeVisibleAsync();
        await admin.ReloadAsync();
        await WaitInteractiveAsync(admin);
        var viewerRow = admin.Locator("tr", new() { HasText = ViewerEmail });
        await viewerRow.Locator("input[type=checkbox]").ClickAsync();
        await viewer.WaitForURLAsync("**/Account/Login**", new() { Timeout = 10_000 });
        await Browser.ScreenshotAsync(viewer, "phone-signed-out-after-disable");
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
        await page.Locator("button[type=submit]", new() { HasText = "Register" }).ClickAsync();
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px.");
    }

    private static async Task AssertNoSecretsInBrowserAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie + location.href");
        foreach (var secret in new[] { TestAppKey, TestSecret })
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, storage);
        }
    }
}
