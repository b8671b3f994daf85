using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// A release reads the database to decide whether the session can go; once it saw orders open it waits
/// <see cref="OrdersOptions.ReleaseCheckSpacing"/> before reading again, so a member at the Kiwoom cap (5 orders a second)
/// does not pay a read per order. The sweep still checks, so a settled connection still goes (<see cref="SettledGraceTests"/>).
/// </summary>
public sealed class ReleaseCheckSpacingTests
{
    [Fact]
    public async Task OrdersInARowReadTheSettleStateOnceWithinTheSpacing()
    {
        await using var alice = await TrackedMember.StartAsync("spaced@team.test", new Dictionary<string, string?> { ["Orders:ReleaseCheckSpacing"] = "00:10:00" });

        var checks = await PlaceOpenOrdersAsync(alice, 3);

        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task WithNoSpacingEveryReleaseReadsTheSettleState()
    {
        await using var alice = await TrackedMember.StartAsync("unspaced@team.test", new Dictionary<string, string?> { ["Orders:ReleaseCheckSpacing"] = "00:00:00" });

        var checks = await PlaceOpenOrdersAsync(alice, 3);

        Assert.Equal(3, checks);
    }

    [Fact]
    public async Task TheSweepStillReadsTheSettleStateWithinTheSpacing()
    {
        await using var alice = await TrackedMember.StartAsync("swept@team.test", new Dictionary<string, string?> { ["Orders:ReleaseCheckSpacing"] = "00:10:00" });
        await PlaceOpenOrdersAsync(alice, 1);
        var before = alice.Tracker.SettleChecks;

        await alice.Tracker.SweepAsync();

        Assert.Equal(before + 1, alice.Tracker.SettleChecks);
        Assert.True(alice.Tracker.IsTracking(alice.Connection));
    }

    /// <summary>Limit buys left open, one after another; the settle checks they caused.</summary>
    private static async Task<long> PlaceOpenOrdersAsync(TrackedMember alice, int count)
    {
        var before = alice.Tracker.SettleChecks;
        for (var n = 0; n < count; n++)
        {
            var placed = await alice.Host.Orders.PlaceOrderAsync(
                alice.Principal, new OrderTicket(Guid.CreateVersion7(), alice.Connection, TrackedMember.Code, OrderSide.Buy, 1, 69_000, "0"));
            Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        }

        return alice.Tracker.SettleChecks - before;
    }
}
