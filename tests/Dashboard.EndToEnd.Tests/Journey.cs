extern alias simulator;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// What every browser journey shares: the real app on an empty data folder and Debian's Chromium, started before
/// the journey and stopped after it; desktop and phone contexts; the ways a person gets in (the first account with
/// the setup code, an invitation, a log-in); and screenshots. Each journey keeps an app of its own because several
/// of them are about a fresh install (the first account) and they move the same simulated market (VIs, fills).
/// </summary>
public abstract class Journey : IAsyncLifetime
{
    /// <summary>Every member of every journey; long enough for the password rules, in no block list.</summary>
    public const string Password = "first light over hangang";

    static Journey()
    {
        // A loaded CI machine renders slowly: assertions wait for the DOM state they name this long before failing.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    protected LiveDashboard App { get; private set; } = default!;

    protected Browser Browser { get; private set; } = default!;

    /// <summary>More Chromium switches for one journey (the PWA check's certificate switch).</summary>
    protected virtual string[] BrowserArguments => [];

    public async Task InitializeAsync()
    {
        App = new LiveDashboard();
        Browser = await Browser.LaunchAsync(BrowserArguments);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>The embedded simulator's control surface: the market event a journey waits for, made to happen now.</summary>
    protected SimulatorControl Simulator => App.Services.GetRequiredService<SimulatorControl>();

    protected Task<IBrowserContext> NewContextAsync(Device device) => Browser.NewContextAsync(App.BaseAddress, device);

    /// <summary>
    /// The first account of the install, with the setup code the server printed; it becomes the Admin. With
    /// <paramref name="twoFactor"/> it also sets up the authenticator (admin pages and trading need it) and ends on
    /// the recovery codes; without, it ends on whatever page registration led to.
    /// </summary>
    protected async Task RegisterAdminAsync(IPage page, string email, bool twoFactor = true)
    {
        await page.GotoAsync("Account/Register");
        await page.Locator("[id='Input.SetupCode']").FillAsync(App.SetupCode);
        await SignIn.RegisterAsync(page, email);
        if (twoFactor)
        {
            await page.WaitForURLAsync("**/Account/Manage/EnableAuthenticator", SignIn.OnceTheAddressChanges);
            await SignIn.SetUpTwoFactorAsync(page);
        }
        else
        {
            await SignIn.ExpectToLeaveAsync(page, "Account/Register");
        }
    }

    /// <summary>
    /// A step that needs trades (a market order filling, a tick moving a price alert) runs in continuous trading: the
    /// app starts with spontaneous VIs off (see <see cref="LiveDashboard"/>), so a VI here is a bug, not bad luck.
    /// </summary>
    protected void AssertContinuousTrading(string code) =>
        Assert.False(Simulator.Market.Read(u => u.ByCode[code].InVi), $"{code} is in a VI nobody triggered (Simulator:SpontaneousVi is off).");

    protected static Task LogInAsync(IPage page, string email) => SignIn.LogInAsync(page, email);

    /// <summary>An invitation link made by the Admin on <paramref name="admin"/>; without a role, the default (Viewer).</summary>
    protected static Task<string> InviteMemberAsync(IPage admin, string? roleLabel = null) => SignIn.InviteAsync(admin, roleLabel);

    /// <summary>Opens the invitation and registers with it.</summary>
    protected static async Task JoinAsync(IPage page, string invitation, string email)
    {
        await page.GotoAsync(invitation);
        await SignIn.RegisterAsync(page, email);
    }

    protected static Task ScreenshotAsync(IPage page, string name) => Browser.ScreenshotAsync(page, name);
}
