using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

/// <summary>Chart bars for every period from the simulator's chart TRs, and the bar a trade falls into.</summary>
public sealed class ChartQueriesTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    public static TheoryData<ChartInterval> Intervals() => [.. Enum.GetValues<ChartInterval>()];

    [Theory]
    [MemberData(nameof(Intervals))]
    public async Task EveryPeriodGivesWellFormedBarsOldestFirst(ChartInterval interval)
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);

        var page = await ChartQueries.LoadAsync(lease.Session.Queries, "005930", interval, KoreaTime.Today(TimeProvider.System));

        Assert.True(page.IsSuccess, page.Error?.Message);
        var bars = page.Value!.Candles;
        Assert.NotEmpty(bars);
        Assert.Equal(bars.Select(b => b.Start).Order(), bars.Select(b => b.Start));
        Assert.Equal(bars.Count, bars.Select(b => b.Start).Distinct().Count());
        Assert.All(bars, b => Assert.True(b.Low <= Math.Min(b.Open, b.Close) && Math.Max(b.Open, b.Close) <= b.High && b.Low > 0, $"{b}"));
    }

    [Fact]
    public async Task TheNextPageOfDailyBarsIsOlderThanTheFirst()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
        var today = KoreaTime.Today(TimeProvider.System);
        var first = (await ChartQueries.LoadAsync(lease.Session.Queries, "005930", ChartInterval.Day, today)).Value!;
        Assert.NotNull(first.Next);

        var second = await ChartQueries.LoadAsync(lease.Session.Queries, "005930", ChartInterval.Day, today, first.Next);

        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.NotEmpty(second.Value!.Candles);
        Assert.True(second.Value.Candles[^1].Start < first.Candles[0].Start);
    }

    [Theory]
    [InlineData(ChartInterval.Minute1, "2026-12-02T09:07:42+09:00", "2026-12-02T09:07:00+09:00")]
    [InlineData(ChartInterval.Minute5, "2026-12-02T09:07:42+09:00", "2026-12-02T09:05:00+09:00")]
    [InlineData(ChartInterval.Minute60, "2026-12-02T10:59:59+09:00", "2026-12-02T10:00:00+09:00")]
    [InlineData(ChartInterval.Day, "2026-12-02T15:20:00+09:00", "2026-12-02T00:00:00+09:00")]
    [InlineData(ChartInterval.Week, "2026-12-06T10:00:00+09:00", "2026-11-30T00:00:00+09:00")]
    [InlineData(ChartInterval.Month, "2026-12-02T10:00:00+09:00", "2026-12-01T00:00:00+09:00")]
    [InlineData(ChartInterval.Year, "2026-12-02T10:00:00+09:00", "2026-01-01T00:00:00+09:00")]
    [InlineData(ChartInterval.Day, "2026-12-01T16:30:00+00:00", "2026-12-02T00:00:00+09:00")]
    public void ATradeFallsIntoTheBarOfItsKoreaTime(ChartInterval interval, string at, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ChartQueries.BarStart(interval, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ATradeMovesTheLastBarsCloseHighAndVolume()
    {
        var bar = new Candle(DateTimeOffset.UnixEpoch, 100, 110, 90, 105, 1_000);

        Assert.Equal(new Candle(DateTimeOffset.UnixEpoch, 100, 120, 90, 120, 1_050), bar.With(120, 50));
        Assert.Equal(new Candle(DateTimeOffset.UnixEpoch, 100, 110, 80, 80, 1_010), bar.With(80, 10));
    }
}
