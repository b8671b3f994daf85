extern alias simulator;

using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Components.Explorer;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>
/// The explorer's order TR forms through the real order service on the real host and embedded simulator
/// (loopback): a kt10000 form places one audited order, a kt10003 form naming its number cancels it.
/// The simulator's own order book is the witness that nothing went round the service.
/// </summary>
public sealed class ExplorerOrderSimulatorTests : IAsyncLifetime
{
    private const string Samsung = "005930";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
    private KestrelDashboardFactory host = default!;

    public Task InitializeAsync()
    {
        host = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = dataPath,
            ["Broker:GracePeriod"] = "00:00:00.500",
            ["Simulator:TokenIssuesPerMinutePerAddress"] = "1000",
            ["Orders:ReconcileInterval"] = "01:00:00",
        });
        host.StartServer();
        // A still market: the limit price below stays inside the band and the collar, and the order stays open.
        host.Services.GetRequiredService<SimulatorControl>().Pause();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
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

    [Fact]
    public async Task AKt10000FormPlacesOneAuditedOrderAndAKt10003FormNamingItsNumberCancelsIt()
    {
        var id = await TestMembers.CreateAsync(host.Services, "explorer@team.test", DashboardRoles.Trader);
        var connections = host.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var member = await TestMembers.PrincipalAsync(host.Services, id);
        var connection = Assert.Single(await connections.ListAsync(member)).Id;
        var sender = new ExplorerOrderSender(host.Services.GetRequiredService<IOrderService>(), TimeProvider.System);
        var last = host.Services.GetRequiredService<SimulatorControl>().Market.Read(u => u.ByCode[Samsung].Last);

        var buy = Form("kt10000");
        (buy["trde_tp"], buy["ord_qty"], buy["ord_uv"]) = ("0", "3", KrxTickSize.RoundDown(KrxTickTable.Stock, last * 95 / 100).ToString("N0"));
        var placed = await sender.SendAsync(member, Guid.NewGuid(), connection, ExplorerOrder.Read("kt10000", buy).Order!, CancellationToken.None);

        Assert.Null(placed.Problem);
        Assert.Equal(OrderOutcome.Accepted, placed.Result!.Outcome);
        var number = placed.Result.Order!.OrderNumber!;
        Assert.Equal([number], SimulatorOrderNumbers());

        var cancel = Form("kt10003");
        (cancel["orig_ord_no"], cancel["stk_cd"], cancel["cncl_qty"]) = (number.TrimStart('0'), Samsung, "0");
        var cancelled = await sender.SendAsync(member, Guid.NewGuid(), connection, ExplorerOrder.Read("kt10003", cancel).Order!, CancellationToken.None);

        Assert.Null(cancelled.Problem);
        Assert.Equal(OrderOutcome.Accepted, cancelled.Result!.Outcome);
        Assert.Equal(2, SimulatorOrderNumbers().Count);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var kinds = await db.OrderAudit.AsNoTracking().Where(a => a.IntentId == placed.Result.IntentId || a.IntentId == cancelled.Result.IntentId)
            .Select(a => a.Kind).ToListAsync();
        Assert.Equal(2, kinds.Count(k => k == OrderAuditKind.Intent));
        Assert.True((await host.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    private static Dictionary<string, string> Form(string apiId) =>
        TrForms.Find(apiId)!.Fields.ToDictionary(f => f.Name, f => f.Default ?? string.Empty);

    private List<string> SimulatorOrderNumbers() =>
        [.. host.Services.GetRequiredService<AccountBook>().All.SelectMany(a => a.Orders.ToArray()).Select(o => OrderRequests.NormalizeNumber(o.Number)!)];
}
