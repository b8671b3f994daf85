using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>
/// On an empty database the first visit leads to "create the administrator account" (with the setup-code
/// field), not to a sign-in form; once an account exists, sign-in redirects are the usual ones.
/// </summary>
public sealed class FirstVisitTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task FirstVisitOnAnEmptyDatabaseGoesToCreateTheAdministrator()
    {
        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Register", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", response.Headers.Location.Query, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(response.Headers.Location));
        Assert.Contains("id=\"Input.SetupCode\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"first-account\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceAnAccountExistsSignInRedirectsGoToTheSignInPage()
    {
        await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin);

        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignInPageOnAnEmptyDatabaseOffersToCreateTheAdministrator()
    {
        var client = factory.CreateClient();
        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("Account/Login"));
        Assert.Contains("id=\"create-admin\"", empty, StringComparison.Ordinal);
        Assert.Contains("관리자 계정 만들기", empty, StringComparison.Ordinal);

        await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin);
        var later = await client.GetStringAsync("Account/Login");
        Assert.DoesNotContain("id=\"create-admin\"", later, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost/Account/Login?ReturnUrl=%2Fwatchlists", "https://localhost/Account/Register?ReturnUrl=%2Fwatchlists")]
    [InlineData("https://dash.example:8443/Account/Login", "https://dash.example:8443/Account/Register")]
    [InlineData("/Account/Login?ReturnUrl=%2F", "/Account/Register?ReturnUrl=%2F")]
    public void RedirectKeepsHostAndReturnAddress(string login, string register) =>
        Assert.Equal(register, FirstRunProbe.ToRegister(login));
}
