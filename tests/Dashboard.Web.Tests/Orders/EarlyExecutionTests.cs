using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A 00 push can overtake the REST answer that carries the order number (a market order fills at once):
/// the push is held by number and applied right after the number is recorded, in arrival order.
/// </summary>
public sealed class EarlyExecutionTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("early@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FillsPushedBeforeTheRestAnswerAreAppliedAfterItInOrder()
    {
        var tracker = host.Services.GetRequiredService<OrderTracker>();
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticket = new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0");
        var placing = host.Orders.PlaceOrderAsync(alice.Principal, ticket);
        await Broker.Eventually.TrueAsync(() => !host.Gateway.Sent.IsEmpty, TimeSpan.FromSeconds(10));
        var number = (host.Gateway.LastOrderNumber + 1).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        // Kiwoom's pushes for the order arrive while our REST call is still waiting for its answer.
        await tracker.ApplyAsync(connection, alice.Id, Fill(number, fill: 4, unfilled: 6, price: 70_000));
        await tracker.ApplyAsync(connection, alice.Id, Fill(number, fill: 6, unfilled: 0, price: 69_900));
        Assert.Equal(2, tracker.HeldCount(connection));

        host.Gateway.Gate.SetResult();
        var result = await placing;

        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        Assert.Equal(OrderState.Filled, result.Order?.State);
        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Filled, 10L, (4 * 70_000L) + (6 * 69_900L), 0L), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal(
            [OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.PartialFill, OrderAuditKind.Fill],
            (await host.AuditRowsAsync(ticket.IntentId)).Select(r => r.Kind));
        Assert.Equal(0, tracker.HeldCount(connection));
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task PushesForOrdersNoIntentClaimsStayBounded()
    {
        var tracker = host.Services.GetRequiredService<OrderTracker>();

        // Orders placed from another app on the same account are never claimed by an intent here.
        for (var n = 0; n < 600; n++)
        {
            await tracker.ApplyAsync(connection, alice.Id, Fill((9_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, 0, 1_000));
        }

        Assert.Equal(512, tracker.HeldCount(connection));
    }

    private static OrderExecution Fill(string number, long fill, long unfilled, long price) => new(
        "1234567890", number, "005930", "삼성전자", "체결", "+매수", "보통", "2", 10, 70_000, unfilled, null, "0000000",
        new TimeOnly(9, 30), "1", price, fill, price, fill, null, null, null, "0", "1", DateTimeOffset.UtcNow);
}
