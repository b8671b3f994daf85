using System.Globalization;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// KRX's closing single-price auction in calendar mode: from 15:20 orders accumulate with no trade while the expected
/// price and quantity follow them; at 15:30 each listing crosses once at the price that executes the most; that price is
/// the close, which after-hours trading does not move.
/// </summary>
public sealed class ClosingAuctionTests
{
    private const string Samsung = "005930";
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset BeforeAuction = new(2026, 3, 10, 15, 19, 0, Kst);
    private static readonly DateTimeOffset Crossing = new(2026, 3, 10, 15, 30, 0, Kst);

    [Fact]
    public void TheCrossingPriceExecutesTheMostShares()
    {
        // At 98 and 99 only 8 sell; at 100 ten trade.
        var buys = new Dictionary<long, long> { [100] = 10, [99] = 5 };
        var sells = new Dictionary<long, long> { [98] = 8, [100] = 10 };

        Assert.Equal((100L, 10L), SinglePriceCross.Find(buys, sells, reference: 99));
    }

    [Fact]
    public void EqualVolumesCrossAtTheSmallestSurplusThenNearestTheReference()
    {
        // 99 and 101 both execute 10 with no surplus: the one nearer the last price wins.
        var buys = new Dictionary<long, long> { [101] = 10 };
        var sells = new Dictionary<long, long> { [99] = 10 };
        Assert.Equal((101L, 10L), SinglePriceCross.Find(buys, sells, reference: 102));
        Assert.Equal((99L, 10L), SinglePriceCross.Find(buys, sells, reference: 98));

        // 100 and 102 both execute 10, but at 102 fifteen more are offered than bought: the balanced 100 wins.
        var wide = new Dictionary<long, long> { [102] = 10 };
        var offers = new Dictionary<long, long> { [100] = 10, [102] = 15 };
        Assert.Equal((100L, 10L), SinglePriceCross.Find(wide, offers, reference: 102));
        Assert.Equal((0L, 0L), SinglePriceCross.Find(new Dictionary<long, long> { [99] = 5 }, new Dictionary<long, long> { [100] = 5 }, 99));
    }

    [Fact]
    public async Task OrdersAccumulateWithoutTradesThenEachListingCrossesOnceAtItsExpectedPrice()
    {
        await using var sim = await CalendarSimulatorAsync();
        StepUntil(sim, BeforeAuction.AddMinutes(1).AddMilliseconds(-50));
        var tape = new TapeRecorder();
        sim.Market.AddObserver(tape);

        StepUntil(sim, BeforeAuction.AddMinutes(1).AddSeconds(30));
        Assert.Empty(tape.Trades);
        var (expectedPrice, expectedQuantity) = sim.Market.Read(u => (u.ByCode[Samsung].ExpectedPrice, u.ByCode[Samsung].ExpectedQuantity));
        Assert.True(expectedQuantity > 0, "orders have met in the auction");
        Assert.NotEqual(0, expectedPrice);

        // ka10001 publishes the same expected crossing while the auction lasts.
        var answer = await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = Samsung }, await sim.TokenAsync());
        Assert.Equal(expectedPrice, Unsigned(answer.Root.GetProperty("exp_cntr_pric").GetString()!));
        Assert.Equal(expectedQuantity, Unsigned(answer.Root.GetProperty("exp_cntr_qty").GetString()!));

        var before = sim.Market.Read(u => u.All.ToDictionary(i => i.Code, i => (i.ExpectedPrice, i.ExpectedQuantity)));
        sim.Clock.Advance(Crossing.AddMilliseconds(100) - sim.Clock.GetUtcNow());
        sim.Control.Step();

        var printed = tape.Trades.GroupBy(t => t.Code).ToDictionary(g => g.Key, g => Assert.Single(g).Trade);
        Assert.Contains(Samsung, printed.Keys);
        Assert.All(printed, p =>
        {
            Assert.Equal(Crossing, p.Value.Time);
            Assert.True(p.Value.SinglePrice);
            Assert.Equal(before[p.Key].ExpectedPrice, p.Value.Price);
            Assert.Equal(before[p.Key].ExpectedQuantity, Math.Abs(p.Value.Quantity));
        });
        var samsung = sim.Market.Universe.ByCode[Samsung];
        Assert.Equal(samsung.Last, samsung.ClosePrice);
        Assert.Equal((0L, 0L), sim.Market.Read(_ => Auction.Expected(samsung, sim.Market.Session)));
    }

    [Fact]
    public async Task AnAccountsOrderJoinsTheAuctionAndFillsAtTheCrossingPriceNotItsLimit()
    {
        await using var sim = await CalendarSimulatorAsync();
        var token = await sim.TokenAsync();
        StepUntil(sim, BeforeAuction.AddMinutes(1).AddSeconds(10));
        var upper = sim.Market.Read(u => u.ByCode[Samsung].UpperLimit);

        // A buy limited at the upper band: it crosses at any auction price, and adds demand to the expected crossing.
        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "7", ord_uv = upper.ToString(CultureInfo.InvariantCulture), trde_tp = "0", cond_uv = "" }, token);
        Assert.Equal(0, order.ReturnCode);
        var placed = sim.Services.GetRequiredService<AccountBook>().All.SelectMany(a => a.Orders).Single(o => o.Code == Samsung);
        Assert.Equal(0, placed.Filled);
        Assert.True(placed.InClosingAuction);

        StepUntil(sim, Crossing.AddSeconds(-1));
        Assert.Equal(0, placed.Filled);
        var crossingPrice = sim.Market.Read(u => u.ByCode[Samsung].ExpectedPrice);
        Assert.True(crossingPrice < upper, $"crossing {crossingPrice} under the limit {upper}");

        sim.Clock.Advance(TimeSpan.FromSeconds(2));
        sim.Control.Step();

        Assert.Equal(7, placed.Filled);
        Assert.Equal(crossingPrice, placed.AverageFillPrice);
    }

    [Fact]
    public async Task TheNextDayIsReferencedToTheAuctionCloseNotTheAfterHoursPrints()
    {
        await using var sim = await CalendarSimulatorAsync();
        StepUntil(sim, Crossing.AddSeconds(1));
        var close = sim.Market.Read(u => u.ByCode[Samsung].ClosePrice);
        Assert.NotNull(close);

        // 16:00-18:00 the after-hours single-price session keeps printing.
        sim.Clock.Advance(new DateTimeOffset(2026, 3, 10, 16, 5, 0, Kst) - sim.Clock.GetUtcNow());
        var tape = new TapeRecorder();
        sim.Market.AddObserver(tape);
        sim.Control.Step(300);
        Assert.Contains(tape.Trades, t => t.Code == Samsung);

        sim.Clock.Advance(new DateTimeOffset(2026, 3, 11, 9, 0, 1, Kst) - sim.Clock.GetUtcNow());
        sim.Control.Step();

        Assert.Equal(close, sim.Market.Read(u => u.ByCode[Samsung].BasePrice));
    }

    private static Task<SimulatorHost> CalendarSimulatorAsync() =>
        SimulatorHost.StartAsync(o =>
        {
            o.KrxCalendar = true;
            o.SpontaneousVi = false;
            o.PingInterval = TimeSpan.FromMinutes(30);
        }, BeforeAuction);

    /// <summary>Steps the market every 100 ms of the fake clock up to <paramref name="until"/>.</summary>
    private static void StepUntil(SimulatorHost sim, DateTimeOffset until)
    {
        for (var n = 0; n < 20_000 && sim.Clock.GetUtcNow() < until; n++)
        {
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            sim.Control.Step();
        }
    }

    private static long Unsigned(string wire) => long.Parse(wire.TrimStart('+', '-'), CultureInfo.InvariantCulture);

    /// <summary>Every print from the moment it is added, with its listing.</summary>
    private sealed class TapeRecorder : IMarketObserver
    {
        public List<(string Code, Trade Trade)> Trades { get; } = [];

        public void OnTrade(Instrument instrument, Trade trade) => Trades.Add((instrument.Code, trade));

        public void OnVi(Instrument instrument, ViEvent vi, bool released)
        {
            // Not part of the auction's checks.
        }

        public void OnQuote(Instrument instrument, DateTimeOffset now)
        {
            // Quotes move with every order; the expected price is read from the listing.
        }

        public void OnStep(DateTimeOffset now)
        {
            // Steps are driven by the test.
        }
    }
}
