using System.Net;
using System.Security.Claims;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-12 and role policies: checked by the services, not only by pages.</summary>
public sealed class AuthorizationPolicyTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<bool> AllowsAsync(ClaimsPrincipal principal, string policy) =>
        (await factory.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, policy)).Succeeded;

    [Theory]
    [InlineData(DashboardRoles.Admin, true, true, true, true)]
    [InlineData(DashboardRoles.Admin, false, false, true, false)]
    [InlineData(DashboardRoles.Trader, true, false, true, true)]
    [InlineData(DashboardRoles.Trader, false, false, true, false)]
    [InlineData(DashboardRoles.Viewer, true, false, false, false)]
    public async Task PoliciesFollowRoleAndTwoFactor(string role, bool twoFactor, bool admin, bool trade, bool tradeLive)
    {
        var id = await TestMembers.CreateAsync(factory.Services, $"{role}-{twoFactor}@team.test".ToLowerInvariant(), role, twoFactor);
        var principal = await TestMembers.PrincipalAsync(factory.Services, id);
        Assert.Equal(admin, await AllowsAsync(principal, DashboardPolicies.Admin));
        Assert.Equal(trade, await AllowsAsync(principal, DashboardPolicies.Trade));
        Assert.Equal(tradeLive, await AllowsAsync(principal, DashboardPolicies.TradeLive));
    }

    [Fact]
    public async Task MemberAdministrationRefusesAnAdminWithoutTwoFactor()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: false);
        var principal = await TestMembers.PrincipalAsync(factory.Services, id);
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<MemberAdministration>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.ListAsync(principal));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.InviteAsync(principal, DashboardRoles.Admin, TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task MemberAdministrationRefusesAViewer()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer, twoFactor: true);
        var principal = await TestMembers.PrincipalAsync(factory.Services, id);
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<MemberAdministration>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.SetDisabledAsync(principal, id, true));
    }

    [Fact]
    public async Task AdminWithoutTwoFactorIsShownTheEnableTwoFactorPageInsteadOfMembers()
    {
        var client = factory.CreateClient();
        var registered = await Browserless.RegisterAsync(client, "first@team.test", "tigerlilypad", setupCode: TestMembers.SetupCode(factory));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var page = await client.GetAsync("admin/members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ViewerIsRefusedTheMembersPage()
    {
        await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer, twoFactor: false);
        var client = factory.CreateClient();
        var login = await Browserless.LoginAsync(client, "viewer@team.test", TestMembers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var page = await client.GetAsync("admin/members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/AccessDenied", page.Headers.Location!.ToString());
    }
}
