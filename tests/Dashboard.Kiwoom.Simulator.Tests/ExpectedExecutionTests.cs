using System.Globalization;
using Dashboard.Kiwoom.Simulator.Realtime;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// The expected execution price (예상체결가) has a value only while orders match at a single price: the opening
/// auction, the closing auction and a VI; in the continuous session ka10001 and the 0D push send zero.
/// </summary>
public sealed class ExpectedExecutionTests
{
    private const string Samsung = "005930";

    [Theory]
    [InlineData(8, 45, true)]
    [InlineData(10, 0, false)]
    [InlineData(15, 25, true)]
    public async Task ExpectedPriceIsSentOnlyInTheSessionAuctions(int hour, int minute, bool auction)
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.KrxCalendar = true, new DateTimeOffset(2026, 3, 10, hour, minute, 0, TimeSpan.FromHours(9)));
        sim.Control.Step(20);
        var last = sim.Market.Read(u => u.ByCode[Samsung].Last);

        var (rest, push, quantity) = await ExpectedAsync(sim);

        // The opening auction expects the last price; the closing one crosses the orders it has collected since 15:20.
        var expected = !auction ? 0 : hour == 8 ? last : sim.Market.Read(u => u.ByCode[Samsung].ExpectedPrice);
        Assert.Equal(expected, rest);
        Assert.Equal(expected, push);
        Assert.True(auction ? quantity > 0 : quantity == 0, $"expected quantity {quantity}");
    }

    [Fact]
    public async Task AViInTheContinuousSessionSendsItsAuctionsExpectedPriceUntilRelease()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.KrxCalendar = true, new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(9)));
        var vi = sim.Control.TriggerVi(Samsung, upward: true);

        var (during, duringPush, _) = await ExpectedAsync(sim);
        Assert.Equal(sim.Market.Read(u => u.ByCode[Samsung].ExpectedPrice), during);
        Assert.Equal(during, duringPush);
        Assert.Equal(vi.TriggerPrice, during);

        for (var k = 0; k < 200 && sim.Market.Read(u => u.ByCode[Samsung].InVi); k++)
        {
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
            sim.Control.Step();
        }

        var (after, afterPush, _) = await ExpectedAsync(sim);
        Assert.False(sim.Market.Read(u => u.ByCode[Samsung].InVi));
        Assert.Equal(0, after);
        Assert.Equal(0, afterPush);
    }

    /// <summary>ka10001's expected price, the 0D push's FID 23 and ka10001's expected quantity, signs dropped.</summary>
    private static async Task<(long Query, long Push, long Quantity)> ExpectedAsync(SimulatorHost sim)
    {
        var answer = await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = Samsung }, await sim.TokenAsync());
        var frames = new FrameBuilder(sim.Market, emitTimestamps: false);
        var push = sim.Market.Read(u => frames.Stock(23, u.ByCode[Samsung], sim.Clock.GetUtcNow()))!;
        return (Number(answer.Root.GetProperty("exp_cntr_pric").GetString()!), Number(push), Number(answer.Root.GetProperty("exp_cntr_qty").GetString()!));
    }

    private static long Number(string wire) => long.Parse(wire.TrimStart('+', '-'), CultureInfo.InvariantCulture);
}
