using Dashboard.Kiwoom;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.Members;

/// <summary>First account becomes Admin; afterwards only invitations (role, expiry, single use) open registration.</summary>
public sealed class MemberRegistrationTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<RegistrationResult> RegisterAsync(string email, string? invite)
    {
        var setupCode = TestMembers.SetupCode(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberRegistration>().RegisterAsync(email, TestMembers.Password, invite, setupCode);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> FirstAdminWithTwoFactorAsync()
    {
        var first = await RegisterAsync("admin@team.test", null);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(first.UserId!))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return await TestMembers.PrincipalAsync(factory.Services, user.Id);
    }

    [Fact]
    public async Task FirstAccountBecomesAdminAndGetsASimulatorConnection()
    {
        var result = await RegisterAsync("admin@team.test", null);
        Assert.True(result.Succeeded);
        Assert.Equal(DashboardRoles.Admin, result.Role);

        var principal = await TestMembers.PrincipalAsync(factory.Services, result.UserId!);
        var connection = Assert.Single(await factory.Services.GetRequiredService<ConnectionService>().ListAsync(principal));
        Assert.Equal(KiwoomEnvironment.Simulator, connection.Environment);
    }

    [Fact]
    public async Task SecondAccountWithoutInvitationIsRefused()
    {
        await RegisterAsync("admin@team.test", null);
        var second = await RegisterAsync("someone@team.test", null);
        Assert.False(second.Succeeded);
        Assert.Equal(MemberRegistration.InvitationRequired.Code, Assert.Single(second.Errors).Code);
    }

    [Fact]
    public async Task InvitationGrantsItsRoleOnce()
    {
        var admin = await FirstAdminWithTwoFactorAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Viewer, TimeSpan.FromDays(1));

        var invited = await RegisterAsync("viewer@team.test", invitation.Token);
        Assert.True(invited.Succeeded);
        Assert.Equal(DashboardRoles.Viewer, invited.Role);

        var reused = await RegisterAsync("again@team.test", invitation.Token);
        Assert.False(reused.Succeeded);
    }

    [Fact]
    public async Task ExpiredInvitationIsRefused()
    {
        var admin = await FirstAdminWithTwoFactorAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Trader, TimeSpan.FromDays(1));
        await using (var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            var row = db.Invitations.Single(i => i.Id == invitation.Id);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        Assert.False((await RegisterAsync("late@team.test", invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task EmailMustBeUnique()
    {
        var admin = await FirstAdminWithTwoFactorAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Trader, TimeSpan.FromDays(1));
        var duplicate = await RegisterAsync("ADMIN@team.test", invitation.Token);
        Assert.False(duplicate.Succeeded);
        Assert.Contains(duplicate.Errors, e => e.Code is "DuplicateUserName" or "DuplicateEmail");
    }

    [Fact]
    public async Task ConcurrentFirstRegistrationsMakeExactlyOneAdmin()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RegisterAsync($"racer{i}@team.test", null)));
        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task InvitationTokenIsStoredOnlyAsAHash()
    {
        var admin = await FirstAdminWithTwoFactorAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Trader, TimeSpan.FromDays(1));
        await using var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var row = db.Invitations.Single(i => i.Id == invitation.Id);
        Assert.NotEqual(invitation.Token, row.TokenHash);
        Assert.DoesNotContain(invitation.Token, invitation.ToString());
    }
}
