using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Web.Security;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests;

/// <summary>The account pages as a person uses them: register, the authenticator, log in, invite.</summary>
public static class SignIn
{
    /// <summary>
    /// A sign-in step is done when the browser is at the next address; the next page's own checks wait for its
    /// content. Waiting for its full load event as well failed once on a machine at load 60.
    /// </summary>
    public static readonly PageWaitForURLOptions OnceTheAddressChanges = new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 };

    /// <summary>Fills the registration form on the current page (first account or invitation) and sends it.</summary>
    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Journey.Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Journey.Password);
        await page.Locator("#register-submit").ClickAsync();
    }

    /// <summary>On the "set up your authenticator" page: reads the shared key as a person would scan it, enters the current code, ends on the recovery codes.</summary>
    public static async Task SetUpTwoFactorAsync(IPage page)
    {
        var sharedKey = (await page.Locator("kbd").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = SingleUseTotpTokenProvider.ComputeCode(Base32.Decode(sharedKey), DateTimeOffset.UtcNow).ToString("D6", CultureInfo.InvariantCulture);
        await page.Locator("[id='Input.Code']").FillAsync(code);
        await page.Locator("#verify-authenticator").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-code").First).ToBeVisibleAsync();
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Journey.Password);
        await page.Locator("#login-submit").ClickAsync();
        await ExpectToLeaveAsync(page, "Account/Login");
    }

    /// <summary>Waits for the browser to leave an account form's address; when it stays, fails with what the form said (its error alert).</summary>
    public static async Task ExpectToLeaveAsync(IPage page, string formPath)
    {
        try
        {
            await page.WaitForURLAsync(url => !url.Contains(formPath, StringComparison.Ordinal), OnceTheAddressChanges);
        }
        catch (TimeoutException)
        {
            var said = await page.Locator(".mud-alert-message").AllInnerTextsAsync();
            Assert.Fail($"Still on {formPath} after sending it; the page says: {string.Join(" | ", said)}");
        }
    }

    /// <summary>Admin → Members → a new invitation, with the role chosen by its Korean label when given.</summary>
    public static async Task<string> InviteAsync(IPage admin, string? roleLabel)
    {
        await admin.GotoAsync("admin/members");
        await PageChecks.WaitInteractiveAsync(admin);
        if (roleLabel is not null)
        {
            // MudSelect keeps its id on a hidden input; the visible control around it opens the list.
            await admin.Locator(".mud-select:has(#invite-role) .mud-input-control").ClickAsync();
            await admin.Locator(".mud-popover-open .mud-list-item", new() { HasText = roleLabel }).ClickAsync();

            // MudSelect closes its list, then awaits a call into the browser, and only then sets the page's role and shows
            // its label: "create" clicked in between made a Viewer's invitation. The label shown means the role is set.
            await Assertions.Expect(admin.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.Locator(".mud-select:has(#invite-role)").First).ToContainTextAsync(roleLabel);
        }

        await admin.Locator("#create-invite").ClickAsync();
        var link = admin.Locator("#invite-link");
        await Assertions.Expect(link).ToHaveValueAsync(new Regex("invite="));
        if (roleLabel is not null)
        {
            await Assertions.Expect(admin.Locator("body")).ToContainTextAsync(roleLabel + ",");
        }

        return await link.InputValueAsync();
    }
}
