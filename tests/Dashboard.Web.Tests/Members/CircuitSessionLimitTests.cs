using System.Globalization;
using System.Security.Claims;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Members;

/// <summary>The idle (30 min) and absolute (12 h) session limits end open circuits too, not only cookies.</summary>
public sealed class CircuitSessionLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly DashboardFactory factory = new();
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    /// <summary>A circuit's provider and activity, signed in as a member whose sign-in time is now.</summary>
    private async Task<(AsyncServiceScope Scope, IdentityRevalidatingAuthenticationStateProvider Provider, CircuitActivity Activity, AuthenticationState State)> OpenCircuitAsync()
    {
        var userId = await TestMembers.CreateAsync(app.Services, "trader@team.test", DashboardRoles.Trader);
        var principal = await TestMembers.PrincipalAsync(app.Services, userId);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionLimits.SignedInAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var scope = app.Services.CreateAsyncScope();
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return (scope, provider, scope.ServiceProvider.GetRequiredService<CircuitActivity>(), new AuthenticationState(principal));
    }

    [Fact]
    public async Task AnActiveCircuitWithinBothLimitsStaysSignedIn()
    {
        var (scope, provider, activity, state) = await OpenCircuitAsync();
        await using var _ = scope;

        time.Advance(TimeSpan.FromMinutes(29));
        activity.Touch();
        time.Advance(TimeSpan.FromMinutes(29));

        Assert.True(await provider.RevalidateAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task ACircuitIdleForMoreThanThirtyMinutesIsSignedOut()
    {
        var (scope, provider, _, state) = await OpenCircuitAsync();
        await using var _ = scope;

        time.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await provider.RevalidateAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task ABusyCircuitIsSignedOutTwelveHoursAfterSignIn()
    {
        var (scope, provider, activity, state) = await OpenCircuitAsync();
        await using var _ = scope;
        for (var hour = 0; hour < 12; hour++)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            activity.Touch();
            time.Advance(TimeSpan.FromMinutes(20));
            activity.Touch();
            time.Advance(TimeSpan.FromMinutes(20));
            activity.Touch();
        }

        time.Advance(TimeSpan.FromSeconds(1));
        activity.Touch();

        Assert.False(await provider.RevalidateAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task InboundCircuitActivityCountsAsActivity()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var activity = scope.ServiceProvider.GetRequiredService<CircuitActivity>();
        var handler = scope.ServiceProvider.GetServices<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>().OfType<CircuitActivityHandler>().Single();
        time.Advance(TimeSpan.FromMinutes(10));

        await handler.CreateInboundActivityHandler(_ => Task.CompletedTask)(null!);

        Assert.Equal(time.GetUtcNow(), activity.Last);
    }
}
