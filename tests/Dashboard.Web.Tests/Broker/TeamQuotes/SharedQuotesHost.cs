extern alias simulator;

using Dashboard.Web.Broker;
using Dashboard.Web.Broker.TeamQuotes;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.Web.Tests.Broker.TeamQuotes;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with the embedded simulator and <c>Broker:SharedQuotes</c> on, so
/// every member's session opens its own real socket and the team's quotes hang on one of them.
/// </summary>
public sealed class SharedQuotesHost : IAsyncLifetime
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(500);

    private int members;

    public KestrelDashboardFactory Factory { get; } = new(new Dictionary<string, string?>
    {
        ["Broker:GracePeriod"] = GracePeriod.ToString(),
        ["Broker:SharedQuotes"] = "true",
    });

    public BrokerSessionRegistry Registry => Factory.Services.GetRequiredService<BrokerSessionRegistry>();

    public TeamQuoteSources Sources => Factory.Services.GetRequiredService<TeamQuoteSources>();

    public SimulatorControl Simulator => Factory.Services.GetRequiredService<SimulatorControl>();

    public Task InitializeAsync()
    {
        Factory.StartServer();
        var address = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.Dns.GetHostAddresses(address.Host)[0]), "Tests stay on loopback.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A new member with the simulator connection every new member gets.</summary>
    public async Task<(string OwnerId, Guid ConnectionId)> NewMemberAsync()
    {
        var n = Interlocked.Increment(ref members);
        var id = await TestMembers.CreateAsync(Factory.Services, $"team{n}@team.test", DashboardRoles.Trader);
        var connections = Factory.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var member = await TestMembers.PrincipalAsync(Factory.Services, id);
        return (id, Assert.Single(await connections.ListAsync(member)).Id);
    }

    /// <summary>Waits (bounded) until earlier tests' sessions have closed.</summary>
    public Task QuiesceAsync() => Eventually.TrueAsync(() => Registry.Count == 0 && Simulator.Stats().Sockets == 0, TimeSpan.FromSeconds(15));
}
