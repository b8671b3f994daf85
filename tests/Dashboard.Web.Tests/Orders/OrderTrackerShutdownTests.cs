using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Orders;

/// <summary>The host stops while 00 pushes are still being applied: tracking stops first, nothing fails on a disposed host.</summary>
public sealed class OrderTrackerShutdownTests
{
    [Fact]
    public async Task DisposingTheHostMidStreamLogsNoError()
    {
        var host = new OrdersHost();
        var pushes = new Queue<OrderExecution>();
        var feed = new EventFeed<OrderExecution>(RealtimeTypes.OrderExecution, _ => pushes.Dequeue(), 4096);
        host.Gateway.OrderEvents = feed;
        var logs = host.Logs;
        try
        {
            var alice = await host.MemberAsync("alice@team.test", DashboardRoles.Trader);
            var connection = host.Gateway.Connect(alice.Id);
            host.Prices.Prices["005930"] = new PriceReference(70_000, 70_000);
            var placed = await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 500, 70_000, "0"));
            Assert.Equal(OrderOutcome.Accepted, placed.Outcome);

            // Five hundred one-share fills of the open order, each its own audit commit: far more than apply before the host goes.
            var sink = (IRealtimeSink)feed;
            for (var n = 0; n < 500; n++)
            {
                pushes.Enqueue(Fill(placed.Order!.OrderNumber!, unfilled: 499 - n));
                sink.Deliver(new RealtimeEvent(RealtimeTypes.OrderExecution, "주문체결", string.Empty, default, DateTimeOffset.UtcNow));
            }

            for (var tries = 0; tries < 3000 && (await host.IntentAsync(placed.IntentId))!.FilledQuantity == 0; tries++)
            {
                await Task.Delay(10);
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        var failures = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category}: {r.Message} {r.Exception}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var tracking = logs.GetSnapshot().Where(r => r.Category?.StartsWith("Dashboard.Web.Orders", StringComparison.Ordinal) == true && r.Id.Id >= 4606).Select(r => $"{r.Id.Id} {r.Message}").ToList();
        Assert.True(tracking.Exists(r => r.StartsWith("4614 ", StringComparison.Ordinal)), string.Join(Environment.NewLine, tracking));
    }

    private static OrderExecution Fill(string number, long unfilled) => new(
        "1234567890", number, "005930", "삼성전자", "체결", "+매수", "보통", "2", 500, 70_000, unfilled, null, "0000000",
        new TimeOnly(9, 30), "1", 70_000, 1, 70_000, 1, null, null, null, "0", "1", DateTimeOffset.UtcNow);
}
