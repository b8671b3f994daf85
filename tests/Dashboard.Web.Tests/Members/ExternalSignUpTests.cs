using Dashboard.Web.Components.Account.Pages;
using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.Members;

/// <summary>
/// Finding 9: an external sign-in (when a provider is ever configured) creates a member only through the
/// invitation rules, as a password registration does; the first account still needs the setup code.
/// </summary>
public sealed class ExternalSignUpTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task WithoutAnInvitationNoMemberIsCreated()
    {
        await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);

        var result = await RegisterAsync("outsider@example.com", invitation: null);

        Assert.False(result.Succeeded);
        Assert.Equal(MemberRegistration.InvitationRequired.Code, Assert.Single(result.Errors).Code);
        Assert.Null(await FindAsync("outsider@example.com"));
    }

    [Fact]
    public async Task AnInvitationGivesItsRoleAndTheAccountHasNoPassword()
    {
        var admin = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var invitation = await TestMembers.InviteAsync(factory.Services, await TestMembers.PrincipalAsync(factory.Services, admin), DashboardRoles.Viewer, TimeSpan.FromDays(1));

        var result = await RegisterAsync("guest@example.com", "https://dash.example/Account/Register?invite=" + Uri.EscapeDataString(invitation.Token));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        Assert.Equal(DashboardRoles.Viewer, result.Role);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("guest@example.com");
        Assert.NotNull(user);
        Assert.False(await users.HasPasswordAsync(user));
        Assert.True(await users.IsInRoleAsync(user, DashboardRoles.Viewer));

        // The link is spent: a second external sign-up with it is refused.
        var again = await RegisterAsync("second@example.com", invitation.Token);
        Assert.Equal(MemberRegistration.InvitationRequired.Code, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task TheFirstAccountCannotBeMadeThroughAnExternalSignIn()
    {
        var result = await RegisterAsync("first@example.com", invitation: null);

        Assert.Equal(MemberRegistration.SetupCodeRequired.Code, Assert.Single(result.Errors).Code);
        Assert.Null(await FindAsync("first@example.com"));
    }

    [Theory]
    [InlineData("abc123", "abc123")]
    [InlineData("  https://dash.example/Account/Register?invite=a%2Bb%3D&x=1 ", "a+b=")]
    [InlineData("https://dash.example/Account/Register?Invite=tok#frag", "tok")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void APastedLinkOrTokenGivesTheToken(string? pasted, string? token) =>
        Assert.Equal(token, ExternalLogin.InvitationToken(pasted));

    private async Task<RegistrationResult> RegisterAsync(string email, string? invitation)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberRegistration>()
            .RegisterAsync(email, password: null, ExternalLogin.InvitationToken(invitation));
    }

    private async Task<ApplicationUser?> FindAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }
}
