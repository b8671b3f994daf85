extern alias simulator;

using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.ScaleOut;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Two real hosts on Kestrel (real broker sessions, real sockets) sharing one PostgreSQL database, one Redis and
/// one key-ring secret. One simulator serves both, as operations.md prescribes: <see cref="Simulating"/> embeds it
/// and <see cref="Other"/> points its simulator address there, so a member's app key is one key for both and the
/// simulator's socket count is the witness of "one upstream socket per key".
/// </summary>
internal sealed class LeasedInstances : IAsyncDisposable
{
    public static readonly TimeSpan LeaseExpiry = TimeSpan.FromSeconds(3);

    private LeasedInstances(PostgresDatabase database, KestrelDashboardFactory simulating, KestrelDashboardFactory other)
    {
        Database = database;
        Simulating = simulating;
        Other = other;
    }

    public PostgresDatabase Database { get; }

    /// <summary>Instance "sim": runs the simulator both instances use.</summary>
    public KestrelDashboardFactory Simulating { get; }

    /// <summary>Instance "other": may be stopped by a test (then <see cref="OtherStopped"/>).</summary>
    public KestrelDashboardFactory Other { get; }

    public bool OtherStopped { get; private set; }

    public SimulatorControl Simulator => Simulating.Services.GetRequiredService<SimulatorControl>();

    /// <param name="settings">Configuration for both instances beyond the defaults below.</param>
    /// <param name="otherClock">The clock of instance "other" (e.g. one whose wall clock is off), instead of the system's.</param>
    public static async Task<LeasedInstances> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? otherClock = null)
    {
        var database = await PostgresDatabase.CreateAsync();
        var prefix = "dashboard-lease-" + Guid.NewGuid().ToString("N")[..8];
        var sharedSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        KestrelDashboardFactory Host(string instance, string simulatorUrl, TimeProvider? clock = null)
        {
            var configuration = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Dashboard"] = database.ConnectionString,
                ["Dashboard:KeyRingSecret"] = sharedSecret,
                ["ScaleOut:Redis"] = ScaleOutServices.Redis,
                ["ScaleOut:Prefix"] = prefix,
                ["ScaleOut:InstanceId"] = instance,
                ["ScaleOut:LeaseExpiry"] = LeaseExpiry.ToString(),
                ["Broker:GracePeriod"] = "00:00:00.500",
                ["SimulatorHosting:BaseUrl"] = simulatorUrl,
                ["Simulator:TokenIssuesPerMinutePerAddress"] = "1000",
                ["Orders:ReconcileInterval"] = "01:00:00",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            return new KestrelDashboardFactory(configuration, clock is null ? null : services => services.AddSingleton(clock));
        }

        var simulating = Host("sim", "");
        simulating.StartServer(); // migrates the shared database first
        var address = simulating.Services.GetRequiredService<SimulatorAddress>().Resolve()!;
        var other = Host("other", address.ToString(), otherClock);
        other.StartServer();
        return new LeasedInstances(database, simulating, other);
    }

    public static BrokerSessionRegistry Registry(KestrelDashboardFactory host) => host.Services.GetRequiredService<BrokerSessionRegistry>();

    public static RedisUpstreamRouter Router(KestrelDashboardFactory host) => host.Services.GetRequiredService<RedisUpstreamRouter>();

    public static long SocketsOpened(KestrelDashboardFactory host) => host.Services.GetRequiredService<BrokerMetrics>().SocketsOpened;

    /// <summary>A member (created through one instance, so in the shared database) with the simulator connection.</summary>
    public async Task<(string OwnerId, Guid ConnectionId)> NewMemberAsync(string email)
    {
        var id = await TestMembers.CreateAsync(Simulating.Services, email, DashboardRoles.Trader);
        var connections = Simulating.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var member = await TestMembers.PrincipalAsync(Simulating.Services, id);
        return (id, Assert.Single(await connections.ListAsync(member)).Id);
    }

    public async Task StopOtherAsync()
    {
        OtherStopped = true;
        await Other.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!OtherStopped)
        {
            await Other.DisposeAsync();
        }

        await Simulating.DisposeAsync();
        await Database.DisposeAsync();
    }
}
