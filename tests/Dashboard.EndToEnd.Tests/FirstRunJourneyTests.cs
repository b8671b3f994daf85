using Microsoft.Playwright;
using static Dashboard.EndToEnd.Tests.PageChecks;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// On an empty database, in Korean: the first visit lands on "create the administrator account" (desktop
/// and phone), the first account becomes Admin and sets up 2FA, one page is checked in English, the admin
/// invites a Viewer (copies the link, revokes a second one that then refuses registration) who joins from a
/// phone, the Viewer cannot reach admin pages, and disabling the Viewer signs their open page out.
/// </summary>
public sealed class FirstRunJourneyTests : Journey
{
    private const string AdminEmail = "admin@team.test";
    private const string ViewerEmail = "viewer@team.test";
    private const string TestAppKey = "E2Eappkey9f8e7d6c5b4a";
    private const string TestSecret = "E2Esecret1a2b3c4d5e6f7";

    [Fact]
    public async Task FirstAdminSetsUpTwoFactorInvitesAViewerAndDisablesThem()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        await desktop.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var admin = await desktop.NewPageAsync();
        var consoleErrors = new List<string>();
        admin.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        // The very first visit of a fresh install lands on "create the administrator account", in Korean.
        await admin.GotoAsync("");
        await admin.WaitForURLAsync("**/Account/Register**");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("관리자 계정 만들기");
        await Assertions.Expect(admin.Locator("#first-account")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("[id='Input.SetupCode']")).ToBeVisibleAsync();
        await ScreenshotAsync(admin, "desktop-first-visit");

        // The sign-in page says the same, and on this IP-address origin offers no passkey (WebAuthn cannot work here).
        await admin.GotoAsync("Account/Login");
        await Assertions.Expect(admin.Locator("#create-admin")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("passkey-submit")).ToHaveCountAsync(0);

        await using (var firstPhone = await NewContextAsync(Device.Phone))
        {
            var phoneFirst = await firstPhone.NewPageAsync();
            await phoneFirst.GotoAsync("");
            await phoneFirst.WaitForURLAsync("**/Account/Register**");
            await Assertions.Expect(phoneFirst.Locator("#first-account")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(phoneFirst, phoneFirst.Url);
            await ScreenshotAsync(phoneFirst, "phone-first-visit");
        }

        // First account on a fresh install: no invitation needed, becomes Admin, goes straight to 2FA setup.
        await admin.Locator("#create-admin").ClickAsync();
        await Assertions.Expect(admin.Locator("#first-account")).ToBeVisibleAsync();

        // The operator reads the one-time setup code off the server's console.
        await admin.Locator("[id='Input.SetupCode']").FillAsync(App.SetupCode);
        await SignIn.RegisterAsync(admin, AdminEmail);
        await admin.WaitForURLAsync("**/Account/Manage/EnableAuthenticator");
        await SignIn.SetUpTwoFactorAsync(admin);
        await ScreenshotAsync(admin, "desktop-2fa-recovery-codes");
        // The self-signed certificate makes the service worker's fetch log errors; WebAuthn must add none.
        Assert.DoesNotContain(consoleErrors, e => e.Contains("SecurityError", StringComparison.Ordinal) || e.Contains("invalid domain", StringComparison.Ordinal));

        // One account page in English, then back to Korean.
        await admin.GotoAsync("culture/set?culture=en&returnUrl=" + Uri.EscapeDataString("/Account/Manage/TwoFactorAuthentication"));
        await Assertions.Expect(admin.Locator("#two-factor-on")).ToHaveTextAsync("Two-factor authentication is on.");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("My account");
        await ScreenshotAsync(admin, "desktop-manage-2fa-english");
        await admin.GotoAsync("culture/set?culture=ko&returnUrl=" + Uri.EscapeDataString("/Account/Manage/TwoFactorAuthentication"));
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("내 계정");

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
        await ScreenshotAsync(admin, "desktop-connections");

        // Invite a Viewer.
        await admin.GotoAsync("admin/members");
        await WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("#members-table")).ToBeVisibleAsync();
        await admin.Locator("#create-invite").ClickAsync();
        var inviteInput = admin.Locator("#invite-link");
        await Assertions.Expect(inviteInput).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("invite="));
        var invite = await inviteInput.InputValueAsync();
        await admin.Locator("#copy-invite").ClickAsync();
        // The copy runs through the circuit (server, then JS): wait for the clipboard to hold the link, bounded.
        await admin.WaitForFunctionAsync(
            "expected => navigator.clipboard.readText().then(text => text === expected)",
            invite,
            new() { Timeout = 30_000, PollingInterval = 200 });
        await ScreenshotAsync(admin, "desktop-members");

        // A second link, revoked at once: it then refuses registration and says why.
        await admin.Locator("#create-invite").ClickAsync();
        await Assertions.Expect(inviteInput).Not.ToHaveValueAsync(invite);
        var revokedInvite = await inviteInput.InputValueAsync();
        await Assertions.Expect(admin.Locator("#pending-invitations tr")).ToHaveCountAsync(2);
        await admin.Locator("#pending-invitations tr").Last.Locator(".revoke-invite").ClickAsync();
        await Assertions.Expect(admin.Locator("#pending-invitations tr")).ToHaveCountAsync(1);

        // The Viewer joins from a phone.
        await using var phone = await NewContextAsync(Device.Phone);
        var viewer = await phone.NewPageAsync();
        await viewer.GotoAsync(revokedInvite);
        await Assertions.Expect(viewer.Locator("#invitation-required")).ToContainTextAsync("취소");
        await Assertions.Expect(viewer.Locator("[id='Input.Email']")).ToHaveCountAsync(0);
        await viewer.GotoAsync(invite);
        await SignIn.RegisterAsync(viewer, ViewerEmail);
        // A new member lands on the live market of the simulator connection they were given.
        await Assertions.Expect(viewer.Locator(".home-index").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(viewer, viewer.Url);
        await ScreenshotAsync(viewer, "phone-overview");

        await viewer.GotoAsync("settings/connections");
        await Assertions.Expect(viewer.Locator("#connection-form")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(viewer, viewer.Url);
        await ScreenshotAsync(viewer, "phone-connections");

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
        await ScreenshotAsync(viewer, "phone-signed-out-after-disable");
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
