using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-01, SEC-02, SEC-03: the options the production host actually resolves.</summary>
public sealed class HostOptionsTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void ProductionHidesCircuitAndHubErrorDetails()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
        Assert.False(BlazorHubOptions().EnableDetailedErrors);
    }

    [Fact]
    public void CircuitLimitsMatchTheQualityBar()
    {
        var circuit = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        var hub = BlazorHubOptions();
        Assert.Equal(32 * 1024, hub.MaximumReceiveMessageSize);
        Assert.Equal(10, circuit.MaxBufferedUnacknowledgedRenderBatches);
        Assert.True(circuit.DisconnectedCircuitRetentionPeriod <= TimeSpan.FromMinutes(3));
    }

    /// <summary>The Blazor hub's own options; its hub type is internal, hence the reflection.</summary>
    private HubOptions BlazorHubOptions()
    {
        var hubType = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hubType));
        var options = factory.Services.GetRequiredService(optionsType);
        return (HubOptions)optionsType.GetProperty("Value")!.GetValue(options)!;
    }

    [Fact]
    public void IdentityNeedsTwelveCharactersWithoutCompositionRulesAndLocksOutAfterFive()
    {
        var options = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(12, options.Password.RequiredLength);
        Assert.False(options.Password.RequireDigit);
        Assert.False(options.Password.RequireLowercase);
        Assert.False(options.Password.RequireUppercase);
        Assert.False(options.Password.RequireNonAlphanumeric);
        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Lockout.DefaultLockoutTimeSpan);
        Assert.True(options.User.RequireUniqueEmail);
        Assert.Equal(Dashboard.Web.Security.SingleUseTotpTokenProvider.ProviderName, options.Tokens.AuthenticatorTokenProvider);
    }
}
