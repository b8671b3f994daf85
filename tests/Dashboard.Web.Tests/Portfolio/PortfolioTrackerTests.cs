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
    public async Task ABalanceFeedThatFellBehindIsReopenedAndTheHoldingsReadAgain()
    {
        await using var tracker = new PortfolioTracker(session, time, NullLogger<PortfolioTracker>.Instance);
        await tracker.StartAsync();
        Assert.Equal(1, session.FakeQueries.Calls("kt00018"));

        // A new code makes the reader fetch its price; while that hangs, more pushes come than the feed holds (64 here).
        session.FakeMarket.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.FakeFeeds.Push(Balance("035720", "카카오", 1, 40_000, 40_000, time));
        await Eventually.TrueAsync(() => tracker.Current!.Positions.Count == 2, Wait);
        for (var i = 1; i <= 80; i++)
        {
            session.FakeFeeds.Push(Balance("005930", "삼성전자", 10 + i, 70_000, 71_000, time));
        }

        session.FakeMarket.Hold.SetResult();

        await Eventually.TrueAsync(() => session.FakeQueries.Calls("kt00018") == 2, Wait, "The holdings were not read again after the overrun.");
        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.Count(f => f.Type == Dashboard.Kiwoom.Realtime.RealtimeTypes.Balance) == 2, Wait);
        session.FakeFeeds.Push(Balance("005930", "삼성전자", 3, 70_000, 71_000, time));
        await Eventually.TrueAsync(() => tracker.Current!.Positions.SingleOrDefault(p => p.Code == "005930")?.Quantity == 3, Wait, "The reopened feed does not deliver.");
        Assert.Null(tracker.LiveError);
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
