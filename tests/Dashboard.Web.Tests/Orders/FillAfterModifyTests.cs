using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A member modifies "all open" of a 10-share order to a new price while, at the exchange, 3 shares fill first: the
/// modify moves 7. Four things reach us in any order: our REST answer to the modify (R), the original's fill push (F: 3
/// filled, 7 unfilled), the original's own confirmation (C: 확인, nothing left open) and the new order's 접수 push (A: FID
/// 900 = 7 moved). Whatever the order, the original counts its 3 filled shares and ends replaced, and the new order carries
/// the 7 that really moved, not the 10 asked.
/// </summary>
public sealed class FillAfterModifyTests : IAsyncLifetime
{
    private const long Price = 70_000;
    private const long NewPrice = 69_900;

    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("modify-race@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    public static TheoryData<string> Arrivals()
    {
        var all = new TheoryData<string>();
        foreach (var order in Permutations("RFCA"))
        {
            all.Add(order);
        }

        return all;
    }

    [Theory]
    [MemberData(nameof(Arrivals))]
    public async Task TheNewOrderCarriesWhatReallyMovedWhateverArrivesFirst(string arrival)
    {
        var host = alice.Host;
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), alice.Connection, TrackedMember.Code, OrderSide.Buy, 10, Price, "0"));
        var original = placed.Order!.OrderNumber!;

        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var modify = new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, NewPrice);
        var modifying = host.Orders.ModifyOrderAsync(alice.Principal, modify);
        await Broker.Eventually.TrueAsync(() => host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));
        var moved = (host.Gateway.LastOrderNumber + 1).ToString("0000000", CultureInfo.InvariantCulture);
        var pushes = new Dictionary<char, OrderExecution>
        {
            ['F'] = OrderPushes.Fill(original, fill: 3, unfilled: 7, Price, cumulativeAmount: 3 * Price),
            ['C'] = OrderPushes.Confirmation(original, 10, unfilled: 0),
            ['A'] = OrderPushes.ModifyAccepted(moved, original, moved: 7, NewPrice),
        };

        foreach (var step in arrival)
        {
            if (step == 'R')
            {
                host.Gateway.Gate.SetResult();
                Assert.Equal(OrderOutcome.Accepted, (await modifying).Outcome);
            }
            else
            {
                await alice.PushAsync(pushes[step]);
            }
        }

        var before = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Replaced, 3L, 3 * Price, 0L), (before.State, before.FilledQuantity, before.FilledAmount, before.OpenQuantity));
        Assert.Single(await host.AuditRowsAsync(placed.IntentId), r => r.Kind is OrderAuditKind.Fill or OrderAuditKind.PartialFill);
        var after = (await host.IntentAsync(modify.IntentId))!;
        Assert.Equal((OrderState.Accepted, moved, 7L, 7L, (long?)NewPrice), (after.State, after.OrderNumber, after.Quantity, after.OpenQuantity, after.Price));

        // The new order's own push again (a resend, a read-back overlap): nothing changes twice.
        var rows = (await host.AuditRowsAsync()).Count;
        await alice.PushAsync(pushes['A']);
        Assert.Equal(rows, (await host.AuditRowsAsync()).Count);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    private static IEnumerable<string> Permutations(string events) => events.Length <= 1
        ? [events]
        : events.SelectMany((first, i) => Permutations(events.Remove(i, 1)).Select(rest => first + rest));
}
