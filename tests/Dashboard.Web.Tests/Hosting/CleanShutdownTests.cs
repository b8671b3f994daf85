using System.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>REL-10: a stop after live use closes sessions and revokes tokens before the container goes, then exits in time.</summary>
public sealed class CleanShutdownTests
{
    [Fact]
    public async Task StoppingAfterLiveUseRevokesEveryTokenBeforeTheServicesAreGoneAndFinishesInTime()
    {
        var host = new BrokerHost();
        await host.InitializeAsync();
        var logs = host.Factory.Services.GetFakeLogCollector();
        var leases = new List<BrokerLease>();
        for (var m = 0; m < 3; m++)
        {
            var (owner, connection) = await host.NewMemberAsync();
            var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
            await Eventually.TrueAsync(() => lease.Session.Status.State == BrokerLinkState.Connected, TimeSpan.FromSeconds(30));
            leases.Add(lease);
        }

        var stopwatch = Stopwatch.StartNew();
        await host.DisposeAsync();
        stopwatch.Stop();

        var records = logs.GetSnapshot();
        Assert.Equal(3, records.Count(r => r.Id.Id == 1102));
        Assert.Contains(records, r => r.Id.Id == 5020);
        Assert.DoesNotContain(records, r => r.Exception is ObjectDisposedException);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"stop took {stopwatch.Elapsed}");
    }

    /// <summary>
    /// Circuits outlive the host's stop: a disconnected one is kept for minutes with its scope (and its revalidation
    /// loop) alive while the container under it is disposed. Each open circuit used to log "An error occurred while
    /// revalidating authentication state" with an ObjectDisposedException after every stop.
    /// </summary>
    [Fact]
    public async Task CircuitsStillOpenWhenTheHostStopsLogNoFailureAfterwards()
    {
        var revalidation = TimeSpan.FromSeconds(1); // the shortest the options allow
        await using var factory = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Broker:GracePeriod"] = "00:00:00.500",
            ["Dashboard:CircuitRevalidationInterval"] = revalidation.ToString(),
        });
        factory.StartServer();
        var logs = factory.Services.GetFakeLogCollector();
        var circuits = new List<AsyncServiceScope>();
        for (var m = 0; m < 3; m++)
        {
            circuits.Add(await OpenLiveCircuitAsync(factory, $"stopping{m}@team.test"));
        }

        // Revalidation runs (and passes) while the host is up: the loops are live before the stop.
        await Task.Delay(revalidation * 2);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);

        await factory.DisposeAsync();

        // Absence is checked after a bounded wait: each loop ticks about four times against the disposed container.
        await Task.Delay(revalidation * 4);
        var records = logs.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Exception is ObjectDisposedException);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.Contains(records, r => r.Id.Id == 5020);
        foreach (var circuit in circuits)
        {
            // What Blazor does when the disconnected circuit's retention ends.
            await circuit.DisposeAsync();
        }
    }

    [Fact]
    public void TheHostGivesShutdownLessThanAnOrchestratorWaits()
    {
        using var factory = new Dashboard.Web.Tests.Infrastructure.DashboardFactory();
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(Dashboard.Web.Hosting.CleanShutdown.HostShutdownTimeout, options.ShutdownTimeout);
        Assert.True(options.ShutdownTimeout < TimeSpan.FromSeconds(30));
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is Dashboard.Web.Hosting.CleanShutdown);
    }

    /// <summary>
    /// What a member's circuit holds, through the circuit's own scoped services: the signed-in state the revalidation
    /// loop checks every interval, and the member's live broker session.
    /// </summary>
    private static async Task<AsyncServiceScope> OpenLiveCircuitAsync(KestrelDashboardFactory factory, string email)
    {
        var id = await TestMembers.CreateAsync(factory.Services, email, DashboardRoles.Trader);
        await factory.Services.GetRequiredService<Dashboard.Web.Connections.ConnectionService>().ProvisionSimulatorAsync(id);
        var principal = await TestMembers.PrincipalAsync(factory.Services, id);
        var scope = factory.Services.CreateAsyncScope();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var session = await scope.ServiceProvider.GetRequiredService<IBrokerSessions>().OpenAsync();
        Assert.NotNull(session);
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, TimeSpan.FromSeconds(30));
        return scope;
    }
}
