using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Components.Explorer;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>
/// The explorer's order TR forms through the real order service on the real host and embedded simulator
/// (loopback): a kt10000 form places one audited order, a kt10003 form naming its number cancels it.
/// The simulator's own order book is the witness that nothing went round the service.
/// </summary>
public sealed class ExplorerOrderSimulatorTests : IAsyncLifetime
{
    private const string Samsung = SimulatorOrdersHost.Samsung;

    private SimulatorOrdersHost sim = default!;

    public Task InitializeAsync()
    {
        sim = new SimulatorOrdersHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task AKt10000FormPlacesOneAuditedOrderAndAKt10003FormNamingItsNumberCancelsIt()
    {
        var (member, connection) = await sim.TraderAsync("explorer@team.test");
        var sender = new ExplorerOrderSender(sim.Services.GetRequiredService<IOrderService>(), TimeProvider.System);

        var buy = Form("kt10000");
        (buy["trde_tp"], buy["ord_qty"], buy["ord_uv"]) = ("0", "3", sim.BelowMarket().ToString("N0"));
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
        await using var db = await sim.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var kinds = await db.OrderAudit.AsNoTracking().Where(a => a.IntentId == placed.Result.IntentId || a.IntentId == cancelled.Result.IntentId)
            .Select(a => a.Kind).ToListAsync();
        Assert.Equal(2, kinds.Count(k => k == OrderAuditKind.Intent));
        Assert.True((await sim.Services.GetRequiredService<OrderAuditLog>().VerifyAsync()).IsIntact);
    }

    private static Dictionary<string, string> Form(string apiId) =>
        TrForms.Find(apiId)!.Fields.ToDictionary(f => f.Name, f => f.Default ?? string.Empty);

    private List<string> SimulatorOrderNumbers() => sim.SimulatorOrderNumbers();
}
