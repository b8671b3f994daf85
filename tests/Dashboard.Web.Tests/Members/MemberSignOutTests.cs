using Dashboard.Web.Data;
using Dashboard.Web.Members;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Members;

/// <summary>SEC-23: a disabled member's open circuits lose their sign-in within seconds.</summary>
public sealed class MemberSignOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly DashboardFactory factory = new(new Dictionary<string, string?> { ["Dashboard:CircuitRevalidationInterval"] = "00:00:02" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>A circuit's authentication state provider, signed in as the member, and a task that completes when it signs out.</summary>
    private async Task<(AsyncServiceScope Scope, Task SignedOut)> OpenCircuitAsync(string userId)
    {
        var scope = factory.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var principal = await TestMembers.PrincipalAsync(factory.Services, userId);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var signedOut = new TaskCompletionSource();
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult();
            }
        };
        return (scope, signedOut.Task);
    }

    [Fact]
    public async Task DisablingAMemberSignsOutTheirCircuitsWithinTheBound()
    {
        var adminId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var traderId = await TestMembers.CreateAsync(factory.Services, "trader@team.test", DashboardRoles.Trader);
        var (first, firstSignedOut) = await OpenCircuitAsync(traderId);
        var (second, secondSignedOut) = await OpenCircuitAsync(traderId);
        var (admins, adminSignedOut) = await OpenCircuitAsync(adminId);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var admin = await TestMembers.PrincipalAsync(factory.Services, adminId);
            Assert.True((await scope.ServiceProvider.GetRequiredService<MemberAdministration>().SetDisabledAsync(admin, traderId, true)).Succeeded);
        }

        await Task.WhenAll(firstSignedOut, secondSignedOut).WaitAsync(Bound);
        Assert.False(adminSignedOut.IsCompleted);
        await first.DisposeAsync();
        await second.DisposeAsync();
        await admins.DisposeAsync();
    }

    [Fact]
    public async Task DisabledFlagSetElsewhereIsCaughtByRevalidation()
    {
        var traderId = await TestMembers.CreateAsync(factory.Services, "trader@team.test", DashboardRoles.Trader);
        var (circuit, signedOut) = await OpenCircuitAsync(traderId);

        // Another instance (or a database edit) disabled the member: no in-process signal arrives.
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == traderId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        await signedOut.WaitAsync(Bound);
        await circuit.DisposeAsync();
    }

    [Fact]
    public async Task DisabledMemberCannotSignIn()
    {
        var adminId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var traderId = await TestMembers.CreateAsync(factory.Services, "trader@team.test", DashboardRoles.Trader);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var admin = await TestMembers.PrincipalAsync(factory.Services, adminId);
            await scope.ServiceProvider.GetRequiredService<MemberAdministration>().SetDisabledAsync(admin, traderId, true);
        }

        var response = await Browserless.LoginAsync(factory.CreateClient(), "trader@team.test", TestMembers.Password);
        Assert.Contains("Account/Lockout", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AdminCannotDisableThemselvesOrDemoteTheLastAdmin()
    {
        var adminId = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var admin = await TestMembers.PrincipalAsync(factory.Services, adminId);
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<MemberAdministration>();
        Assert.False((await administration.SetDisabledAsync(admin, adminId, true)).Succeeded);
        Assert.False((await administration.SetRoleAsync(admin, adminId, DashboardRoles.Viewer)).Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(adminId))!, DashboardRoles.Admin));
    }
}
