using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker;
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

    [Fact]
    public void TheHostGivesShutdownLessThanAnOrchestratorWaits()
    {
        using var factory = new Dashboard.Web.Tests.Infrastructure.DashboardFactory();
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(Dashboard.Web.Hosting.CleanShutdown.HostShutdownTimeout, options.ShutdownTimeout);
        Assert.True(options.ShutdownTimeout < TimeSpan.FromSeconds(30));
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is Dashboard.Web.Hosting.CleanShutdown);
    }
}
