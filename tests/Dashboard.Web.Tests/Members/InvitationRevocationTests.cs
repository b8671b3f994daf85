using System.Net;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Members;

/// <summary>An admin can list open invitations and revoke one; a revoked link refuses registration and says why.</summary>
public sealed class InvitationRevocationTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        return await TestMembers.PrincipalAsync(factory.Services, id);
    }

    private async Task<T> WithAsync<T>(Func<MemberAdministration, Task<T>> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<MemberAdministration>());
    }

    [Fact]
    public async Task RevokedLinkRefusesRegistrationWithAClearMessage()
    {
        var admin = await AdminAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Viewer, TimeSpan.FromDays(1));
        Assert.Contains(await WithAsync(a => a.ListPendingInvitationsAsync(admin)), p => p.Id == invitation.Id);

        Assert.True(await WithAsync(a => a.RevokeInvitationAsync(admin, invitation.Id)));

        Assert.DoesNotContain(await WithAsync(a => a.ListPendingInvitationsAsync(admin)), p => p.Id == invitation.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<MemberRegistration>()
                .RegisterAsync("late@team.test", TestMembers.Password, invitation.Token);
            Assert.False(result.Succeeded);
            Assert.Equal(MemberRegistration.InvitationRevoked.Code, Assert.Single(result.Errors).Code);
        }

        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(invitation.RelativeUrl));
        Assert.Contains("id=\"invitation-required\"", page, StringComparison.Ordinal);
        Assert.Contains("관리자가 취소했습니다", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Input.Email\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnrevokedLinkStillWorksAndAUsedOneCannotBeRevoked()
    {
        var admin = await AdminAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Trader, TimeSpan.FromDays(1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<MemberRegistration>()
                .RegisterAsync("trader@team.test", TestMembers.Password, invitation.Token);
            Assert.True(result.Succeeded);
        }

        Assert.False(await WithAsync(a => a.RevokeInvitationAsync(admin, invitation.Id)));
        Assert.Empty(await WithAsync(a => a.ListPendingInvitationsAsync(admin)));
    }

    [Fact]
    public async Task OnlyAdminsRevoke()
    {
        var admin = await AdminAsync();
        var invitation = await TestMembers.InviteAsync(factory.Services, admin, DashboardRoles.Viewer, TimeSpan.FromDays(1));
        var viewerId = await TestMembers.CreateAsync(factory.Services, "viewer@team.test", DashboardRoles.Viewer);
        var viewer = await TestMembers.PrincipalAsync(factory.Services, viewerId);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithAsync(a => a.RevokeInvitationAsync(viewer, invitation.Id)));
        Assert.Single(await WithAsync(a => a.ListPendingInvitationsAsync(admin)));
    }
}
