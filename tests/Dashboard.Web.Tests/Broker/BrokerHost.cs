extern alias simulator;

using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.Web.Tests.Broker;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with the embedded simulator, so sessions open real WebSockets
/// to it; a short grace period keeps the tests quick. Shared by the tests of one class. Hosts with more
/// settings (the shared team quote feed) derive from it and add theirs through the constructor's hook.
/// </summary>
public class BrokerHost : IAsyncLifetime
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(500);

    private readonly string memberPrefix;
    private int members;

    public BrokerHost()
        : this(_ => { })
    {
    }

    /// <param name="configure">Adds or overrides settings of the host (after the grace period is set).</param>
    /// <param name="memberPrefix">Names this host's members ("live1@team.test"), so logs tell the hosts apart.</param>
    protected BrokerHost(Action<IDictionary<string, string?>> configure, string memberPrefix = "live")
    {
        var settings = new Dictionary<string, string?> { ["Broker:GracePeriod"] = GracePeriod.ToString() };
        configure(settings);
        Factory = new KestrelDashboardFactory(settings);
        this.memberPrefix = memberPrefix;
    }

    public KestrelDashboardFactory Factory { get; }

    public Uri Address { get; private set; } = default!;

    public BrokerSessionRegistry Registry => Factory.Services.GetRequiredService<BrokerSessionRegistry>();

    public BrokerMetrics Metrics => Factory.Services.GetRequiredService<BrokerMetrics>();

    public SimulatorControl Simulator => Factory.Services.GetRequiredService<SimulatorControl>();

    public Task InitializeAsync()
    {
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.Dns.GetHostAddresses(Address.Host)[0]), "Tests stay on loopback.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A new member with the simulator connection every new member gets.</summary>
    public async Task<(string OwnerId, Guid ConnectionId)> NewMemberAsync()
    {
        var n = Interlocked.Increment(ref members);
        var id = await TestMembers.CreateAsync(Factory.Services, $"{memberPrefix}{n}@team.test", DashboardRoles.Trader);
        var connections = Factory.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var member = await TestMembers.PrincipalAsync(Factory.Services, id);
        var connection = Assert.Single(await connections.ListAsync(member));
        return (id, connection.Id);
    }

    /// <summary>Waits (polling, bounded) until earlier tests' sessions have closed, so socket counts start at zero.</summary>
    public Task QuiesceAsync() => Eventually.TrueAsync(() => Registry.Count == 0 && Simulator.Stats().Sockets == 0, TimeSpan.FromSeconds(15));
}
