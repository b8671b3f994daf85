using Dashboard.Web.Portfolio;
using Dashboard.Web.Tests.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Web.Tests.Portfolio.PortfolioWire;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>The tracker on its own, against the fake session.</summary>
public sealed class PortfolioTrackerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly Holding Samsung = new("005930", "삼성전자", 10, 70_000, 71_000, 70_500);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly FakeBrokerSession session = new();

    public PortfolioTrackerTests()
    {
        session.FakeQueries.Answer("kt00018", Kt00018(Samsung));
        session.FakeQueries.Answer("kt00001", Kt00001(1_000_000, 1_000_000));
        session.FakeQueries.Answer("ka10074", Ka10074(0));
    }

    [Fact]
    public async Task APushArrivingWhileTheHoldingsAreReadIsNotUndoneByTheOlderAnswer()
    {
        await using var tracker = new PortfolioTracker(session, time, NullLogger<PortfolioTracker>.Instance);
        await tracker.StartAsync();
        Assert.Equal(10, tracker.Current!.Positions.Single().Quantity);

        // The reload's kt00018 was taken before the fill; the 04 of the fill arrives while it is on its way.
        session.FakeQueries.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reload = tracker.ReloadAsync();
        session.FakeFeeds.Push(Balance("005930", "삼성전자", 15, 70_666, 72_000, time));
        await Eventually.TrueAsync(() => tracker.Current!.Positions.Single().Quantity == 15, Wait);
        session.FakeQueries.Hold.SetResult();
        await reload.WaitAsync(Wait);

        var row = tracker.Current!.Positions.Single();
        Assert.Equal(15, row.Quantity);
        Assert.Equal(70_666, row.AveragePrice);
        Assert.Equal(15 * 70_666, tracker.Current.Totals.Purchase);
    }

    [Fact]
    public async Task WithoutTheBalanceFeedTheHoldingsStillLoadAndTheReasonIsKept()
    {
        session.FakeFeeds.RefuseType = Dashboard.Kiwoom.Realtime.RealtimeTypes.Balance;
        await using var tracker = new PortfolioTracker(session, time, NullLogger<PortfolioTracker>.Instance);

        await tracker.StartAsync();

        Assert.Equal("REG 04 refused", tracker.LiveError);
        Assert.Single(tracker.Current!.Positions);
        Assert.Null(tracker.LoadError);
    }
}
