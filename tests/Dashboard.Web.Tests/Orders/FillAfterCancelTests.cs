using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A member cancels "all open" of a 10-share order while, at the exchange, 3 shares fill first: the cancel takes 7.
/// Kiwoom pushes the fill (F: 3 filled, 7 unfilled, 903 the filled amount), the cancel order's own push (K: FID 900 = 7)
/// and the original's 취소 (O: 902 = 0), in that order; our REST answer to the cancel (R) may come at any point. Whatever
/// the order, the 3 shares are counted as filled, the order ends cancelled with one Cancelled row, and a late duplicate
/// of the fill counts nothing. Without a cancel the same pushes end the order once, audited as Cancelled (never
/// "Reconciled"), carrying the cancel's order number when it was known first.
/// </summary>
public sealed class FillAfterCancelTests : IAsyncLifetime
{
    private const long Price = 70_000;

    private TrackedMember alice = default!;

    public async Task InitializeAsync() => alice = await TrackedMember.StartAsync("race@team.test");

    public async Task DisposeAsync() => await alice.DisposeAsync();

    private OrdersHost Host => alice.Host;

    [Theory]
    [InlineData("RFKO")]
    [InlineData("FRKO")]
    [InlineData("FKRO")]
    [InlineData("FKOR")]
    public async Task AFillThatRacedACancelAllIsCountedWhateverArrivesFirst(string arrival)
    {
        var placed = await PlaceTenAsync();
        var cancelNumber = await RunAsync(placed, arrival, withFill: true);

        var intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Cancelled, 3L, 3 * Price, 0L), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        var rows = await Host.AuditRowsAsync(placed.IntentId);
        var fill = Assert.Single(rows, r => r.Kind is OrderAuditKind.Fill or OrderAuditKind.PartialFill);
        Assert.Equal(3L, fill.Quantity);
        var cancelled = Assert.Single(rows, r => r.Kind == OrderAuditKind.Cancelled);
        Assert.Equal(cancelNumber, cancelled.OrderNumber);
        Assert.DoesNotContain(rows, r => r.Kind == OrderAuditKind.Reconciled);
        if (arrival[0] == 'R')
        {
            // The answer took all 10 before the fill was known: the fill's row says the cancel took 3 fewer.
            Assert.Equal(10L, cancelled.Quantity);
            Assert.Contains("took 3 fewer", fill.Details, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(7L, cancelled.Quantity);
        }

        // Kiwoom's fill again (a resend, a read-back overlap): counted already.
        await alice.PushAsync(OrderPushes.Fill(placed.OrderNumber!, fill: 3, unfilled: 7, Price, cumulativeAmount: 3 * Price));
        Assert.Equal(3L, (await Host.IntentAsync(placed.IntentId))!.FilledQuantity);
        Assert.Equal(rows.Count, (await Host.AuditRowsAsync(placed.IntentId)).Count);
        Assert.True((await Host.Audit.VerifyAsync()).IsIntact);
    }

    [Theory]
    [InlineData("RKO", true)]
    [InlineData("KRO", true)]
    [InlineData("KOR", true)]
    [InlineData("ROK", true)]
    [InlineData("OKR", false)]
    [InlineData("ORK", false)]
    public async Task ACancelAllIsAuditedCancelledOnceWhateverArrivesFirst(string arrival, bool numberKnownFirst)
    {
        var placed = await PlaceTenAsync();
        var cancelNumber = await RunAsync(placed, arrival, withFill: false);

        var intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Cancelled, 0L, 0L), (intent.State, intent.FilledQuantity, intent.OpenQuantity));
        var rows = await Host.AuditRowsAsync(placed.IntentId);
        var cancelled = Assert.Single(rows, r => r.Kind == OrderAuditKind.Cancelled);
        Assert.Equal(10L, cancelled.Quantity);
        Assert.Equal(numberKnownFirst ? cancelNumber : placed.OrderNumber, cancelled.OrderNumber);
        Assert.DoesNotContain(rows, r => r.Kind == OrderAuditKind.Reconciled);
        Assert.True((await Host.Audit.VerifyAsync()).IsIntact);
    }

    /// <summary>
    /// Cancel 4 of 10, answered first (6 open here), though at the exchange <paramref name="filledFirst"/> had filled: the
    /// cancel leaves 6 - <paramref name="filledFirst"/>. With 5 filled the fill's 902 = 5 is only 1 under our 6 open, but
    /// all 5 are new (903 says so).
    /// </summary>
    [Theory]
    [InlineData(3L)]
    [InlineData(5L)]
    public async Task AFillThatRacedAPartialCancelIsCountedWholeAndTheCancelStillTakesItsShares(long filledFirst)
    {
        var placed = await PlaceTenAsync();
        var fill = OrderPushes.Fill(placed.OrderNumber!, fill: filledFirst, unfilled: 10 - filledFirst, Price, cumulativeAmount: filledFirst * Price);

        var cancel = await Host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 4));
        Assert.Equal(6L, cancel.Target!.OpenQuantity);
        await alice.PushAsync(fill);
        await alice.PushAsync(OrderPushes.Cancel(cancel.Order!.OrderNumber!, placed.OrderNumber!, cancelled: 4));
        await alice.PushAsync(OrderPushes.Confirmation(placed.OrderNumber!, 10, unfilled: 6 - filledFirst));
        await alice.PushAsync(fill);

        var intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.PartiallyFilled, filledFirst, filledFirst * Price, 6 - filledFirst), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal(filledFirst, Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.PartialFill).Quantity);
        Assert.Equal(4L, Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.Cancelled).Quantity);
    }

    [Fact]
    public async Task WhileTheOrderIsOpenAnUnfilledQuantityEqualToOursIsARepeatWhateverTheAmountSays()
    {
        var placed = await PlaceTenAsync();
        await alice.PushAsync(OrderPushes.Fill(placed.OrderNumber!, fill: 4, unfilled: 6, Price, cumulativeAmount: 4 * Price));

        // The same fill again, its amount ahead of ours (as after a read-back at a rounded average price): 902 = 6 = what
        // we hold open, so nothing new.
        await alice.PushAsync(OrderPushes.Fill(placed.OrderNumber!, fill: 4, unfilled: 6, Price, cumulativeAmount: 6 * Price));

        var intent = (await Host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.PartiallyFilled, 4L, 6L), (intent.State, intent.FilledQuantity, intent.OpenQuantity));
        Assert.Single(await Host.AuditRowsAsync(placed.IntentId), r => r.Kind == OrderAuditKind.PartialFill);
    }

    /// <summary>
    /// Cancels all of <paramref name="placed"/> and delivers R (the answer), F (a 3-share fill, only with
    /// <paramref name="withFill"/>), K and O in <paramref name="arrival"/>'s order; returns the cancel's order number.
    /// </summary>
    private async Task<string> RunAsync(OrderView placed, string arrival, bool withFill)
    {
        var order = placed.OrderNumber!;
        var unfilledAfterFill = withFill ? 7L : 10L;
        var pushes = new Dictionary<char, OrderExecution>
        {
            ['F'] = OrderPushes.Fill(order, fill: 3, unfilled: 7, Price, cumulativeAmount: 3 * Price),
            ['O'] = OrderPushes.Confirmation(order, 10, unfilled: 0, status: "취소"),
        };

        Host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelling = Host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId, 0));
        await Broker.Eventually.TrueAsync(() => Host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(10));
        var cancelNumber = (Host.Gateway.LastOrderNumber + 1).ToString("0000000", CultureInfo.InvariantCulture);
        pushes['K'] = OrderPushes.Cancel(cancelNumber, order, cancelled: unfilledAfterFill);

        foreach (var step in arrival.Where(c => withFill || c != 'F'))
        {
            if (step == 'R')
            {
                Host.Gateway.Gate.SetResult();
                var cancel = await cancelling;
                Assert.Equal(OrderOutcome.Accepted, cancel.Outcome);
                Assert.Equal(cancelNumber, cancel.Order!.OrderNumber);
            }
            else
            {
                await alice.PushAsync(pushes[step]);
            }
        }

        return cancelNumber;
    }

    private async Task<OrderView> PlaceTenAsync()
    {
        var placed = await Host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), alice.Connection, TrackedMember.Code, OrderSide.Buy, 10, Price, "0"));
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        return placed.Order!;
    }
}
