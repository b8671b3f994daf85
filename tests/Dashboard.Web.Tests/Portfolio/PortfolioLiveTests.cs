extern alias simulator;

using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Portfolio;
using Dashboard.Web.Tests.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using simulator::Dashboard.Kiwoom.Simulator.Accounts;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>
/// The tracker on a real session of the real host against the embedded simulator: fills are placed straight
/// on the simulator's order engine (pages cannot send orders), and the tracker follows them through the 04 and
/// 0B pushes alone.
/// </summary>
public sealed class PortfolioLiveTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AfterASequenceOfFillsTheTotalsRecomputedFromTheRowsEqualKt00018ReadAgain()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = (await host.Registry.OpenAsync(owner, connection)).Lease!;
        var session = lease.Session;
        await Eventually.TrueAsync(() => session.Status.State == BrokerLinkState.Connected, Wait);

        // No random trades: the prices that matter are the fills' own prints, which arrive as 0B and 04.
        host.Simulator.Pause();
        try
        {
            var number = await session.Queries.QueryAsync(new Ka00001Request());
            Assert.True(number.IsSuccess, number.Error?.Message);
            var account = host.Factory.Services.GetRequiredService<AccountBook>().All.Single(a => a.Number == number.Value.AcctNo);
            var orders = host.Factory.Services.GetRequiredService<OrderEngine>();

            await using var tracker = new PortfolioTracker(session, TimeProvider.System, NullLogger<PortfolioTracker>.Instance);
            await tracker.StartAsync();
            Assert.Empty(tracker.Current!.Positions);

            Fill(orders, account, "005930", OrderSide.Buy, 10);
            Fill(orders, account, "000660", OrderSide.Buy, 4);
            Fill(orders, account, "005930", OrderSide.Sell, 3);
            Fill(orders, account, "035720", OrderSide.Buy, 7);
            Fill(orders, account, "000660", OrderSide.Sell, 4);
            Fill(orders, account, "005930", OrderSide.Buy, 2);

            // Then the market trades on, so prices move away from the fills and only 0B ticks carry them.
            for (var steps = 0; steps < 200 && Unrealized(account) == 0; steps++)
            {
                host.Simulator.Step(10);
            }

            Assert.NotEqual(0, Unrealized(account));
            try
            {
                await Eventually.TrueAsync(() => ShowsTheAccount(tracker.Current, account), Wait);
            }
            catch (Xunit.Sdk.XunitException)
            {
                Assert.Fail($"The tracker did not catch up with the fills and ticks. Simulator: {Expected(account)} cash {account.Cash} realized {account.RealizedPnl}; "
                    + $"tracker: {Shown(tracker.Current)} cash {tracker.Current?.Cash} realized {tracker.Current?.RealizedToday}; live error: {tracker.LiveError}");
            }

            var reread = await session.Queries.QueryAsync(new Kt00018Request { QueryType = "1", Exchange = "KRX" });
            Assert.True(reread.IsSuccess, reread.Error?.Message);
            var snapshot = tracker.Current!;
            Assert.Equal(PortfolioMapping.ReportedTotals(reread.Value), snapshot.Totals);
            Assert.Equal(
                PortfolioMapping.ToPositions(reread.Value, default).Select(p => (p.Code, p.Quantity, p.AveragePrice, p.CurrentPrice)).OrderBy(p => p.Code),
                snapshot.Positions.Select(p => (p.Code, p.Quantity, p.AveragePrice, p.CurrentPrice)).OrderBy(p => p.Code));
            Assert.Equal(["005930", "035720"], snapshot.Positions.Select(p => p.Code).Order());
            Assert.NotEqual(0, snapshot.RealizedToday);
            Assert.NotEqual(0, snapshot.Totals.Profit);
        }
        finally
        {
            host.Simulator.Resume();
        }
    }

    private static void Fill(OrderEngine orders, Account account, string code, OrderSide side, long quantity)
    {
        var placed = orders.Place(account, new OrderRequest(code, side, quantity, 0, "3", 0, "KRX", false));
        Assert.Null(placed.Rejection);
    }

    private long Unrealized(Account account) =>
        host.Simulator.Market.Read(u => account.Holdings.Values.Sum(h => h.Quantity * (u.ByCode[h.Code].Last - h.AveragePrice)));

    /// <summary>Rows, prices, cash and today's realized P&amp;L as the simulator's account has them now.</summary>
    private bool ShowsTheAccount(PortfolioSnapshot? snapshot, Account account)
    {
        if (snapshot is null)
        {
            return false;
        }

        return Expected(account) == Shown(snapshot) && snapshot.RealizedToday == account.RealizedPnl && snapshot.Cash?.Deposit == account.Cash;
    }

    private string Expected(Account account) => host.Simulator.Market.Read(u => string.Join(", ", account.Holdings.Values
        .Where(h => h.Quantity > 0)
        .OrderBy(h => h.Code, StringComparer.Ordinal)
        .Select(h => $"{h.Code} {h.Quantity}@{h.AveragePrice} now {u.ByCode[h.Code].Last}")));

    private static string Shown(PortfolioSnapshot? snapshot) => snapshot is null ? "nothing" : string.Join(", ", snapshot.Positions
        .OrderBy(p => p.Code, StringComparer.Ordinal)
        .Select(p => $"{p.Code} {p.Quantity}@{p.AveragePrice} now {p.CurrentPrice}"));
}
