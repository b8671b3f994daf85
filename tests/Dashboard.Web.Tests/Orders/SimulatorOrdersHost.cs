extern alias simulator;

using System.Security.Claims;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;
using SimulatorControl = simulator::Dashboard.Kiwoom.Simulator.Control.SimulatorControl;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The real host on Kestrel with the embedded simulator (loopback only) for tests of the order path: its own data
/// folder (kept across <see cref="RestartAsync"/>, deleted at the end), a paused market so limit prices stay in band,
/// Traders with a simulator connection, and the simulator's own order book as the witness of what was sent.
/// </summary>
internal sealed class SimulatorOrdersHost : IAsyncDisposable
{
    public const string Samsung = "005930";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
    private KestrelDashboardFactory? host;

    /// <param name="reconcileEvery">Long by default so tests drive reconciliation; short for a restarted host.</param>
    public SimulatorOrdersHost(string reconcileEvery = "01:00:00") => host = Start(reconcileEvery);

    public KestrelDashboardFactory Host => host ?? throw new InvalidOperationException("The host is stopped.");

    public IServiceProvider Services => Host.Services;

    public SimulatorControl Simulator => Services.GetRequiredService<SimulatorControl>();

    public IOrderService Orders => Services.GetRequiredService<IOrderService>();

    /// <summary>The database file, readable with no host running.</summary>
    public string DatabasePath => Path.Combine(dataPath, "dashboard.db");

    /// <summary>Stops the host as a shutdown would; the data folder stays for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (host is { } running)
        {
            host = null;
            await running.DisposeAsync();
        }
    }

    /// <summary>A new host on the same data folder (a fresh simulator: its market and accounts start over).</summary>
    public async Task RestartAsync(string reconcileEvery)
    {
        await StopAsync();
        host = Start(reconcileEvery);
    }

    /// <summary>A Trader with the simulator connection provisioned, signed in.</summary>
    public async Task<(ClaimsPrincipal Member, Guid Connection)> TraderAsync(string email)
    {
        var id = await TestMembers.CreateAsync(Services, email, DashboardRoles.Trader);
        var connections = Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var member = await TestMembers.PrincipalAsync(Services, id);
        return (member, Assert.Single(await connections.ListAsync(member)).Id);
    }

    /// <summary>A limit price about 5 % under the last trade: on the step, inside band and collar, and left open.</summary>
    public long BelowMarket(string code = Samsung)
    {
        var last = Simulator.Market.Read(u => u.ByCode[code].Last);
        return KrxTickSize.RoundDown(KrxTickTable.Stock, last * 95 / 100);
    }

    /// <summary>Every order the simulator holds, by number (7 digits).</summary>
    public List<string> SimulatorOrderNumbers() =>
        [.. Services.GetRequiredService<AccountBook>().All.SelectMany(a => a.Orders.ToArray()).Select(o => OrderRequests.NormalizeNumber(o.Number)!)];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private KestrelDashboardFactory Start(string reconcileEvery)
    {
        var factory = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = dataPath,
            ["Broker:GracePeriod"] = "00:00:00.500",
            ["Simulator:TokenIssuesPerMinutePerAddress"] = "1000",
            ["Orders:ReconcileInterval"] = reconcileEvery,
            ["Orders:NotPlacedAfter"] = "00:00:01",
        });
        factory.StartServer();
        factory.Services.GetRequiredService<SimulatorControl>().Pause();
        return factory;
    }
}
