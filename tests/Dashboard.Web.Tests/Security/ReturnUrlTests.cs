using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>A foreign returnUrl (culture switch, sign-in) sends the member home instead of answering 500 or leaving the site.</summary>
public sealed class ReturnUrlTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:LoginPermitsPerWindow"] = "50" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\r/evil.example")]
    public async Task CultureSwitchWithAForeignReturnUrlGoesHome(string returnUrl)
    {
        var response = await factory.CreateClient().GetAsync("culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CultureSwitchKeepsALocalReturnUrl()
    {
        var response = await factory.CreateClient().GetAsync("culture/set?culture=en&returnUrl=%2Fsettings%2Fpreferences");

        Assert.Equal("/settings/preferences", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example/x")]
    [InlineData("javascript:alert(1)")]
    public async Task SignInWithAForeignReturnUrlGoesHome(string returnUrl)
    {
        await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer);
        var path = "Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await Browserless.PostFormAsync(factory.CreateClient(), path, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "viewer@team.test",
            ["Input.Password"] = TestMembers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("https://dashboard.test/Account/Login"), response.Headers.Location!);
        Assert.Equal("dashboard.test", location.Host);
        Assert.Equal("/", location.AbsolutePath);
    }

    [Fact]
    public async Task SignInKeepsAReturnUrlOnThisSite()
    {
        await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer);
        var path = "Account/Login?ReturnUrl=" + Uri.EscapeDataString("https://dashboard.test/settings/preferences");

        var response = await Browserless.PostFormAsync(factory.CreateClient(), path, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "viewer@team.test",
            ["Input.Password"] = TestMembers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/settings/preferences", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/market/005930?x=1", true)]
    [InlineData("~/", true)]
    [InlineData("~/Account/Manage", true)]
    [InlineData("", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("~//evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("/\tevil", false)]
    public void LocalUrlAcceptsOnlyAppRootedPaths(string url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));
}
