using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Alerts;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Tests.Alerts;

/// <summary>The server-side evaluation of one member's alerts over a fake session's feeds.</summary>
public sealed class AlertMonitorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly AlertTestServices services = new();
    private readonly FakeBrokerSession session = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await services.Monitor.DisposeAsync();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task APriceFromTheFeedFiresTheAlertOnceForEveryTabOfTheMember()
    {
        await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, Rearm: false));
        var firstTab = new List<AlertNotice>();
        var secondTab = new List<AlertNotice>();
        await using var one = await services.Monitor.AttachAsync("alice", session, firstTab.Add);
        await using var two = await services.Monitor.AttachAsync("alice", session, secondTab.Add);

        var feed = session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade);
        Assert.Equal(["005930"], session.FakeFeeds.ItemsOf(feed));
        feed.Publish(QuoteOf(69_000));
        feed.Publish(QuoteOf(70_200));

        await Eventually.TrueAsync(() => firstTab.Count == 1 && secondTab.Count == 1, Deadline);
        Assert.Equal(70_200m, firstTab[0].Value);
        var firing = Assert.Single(await services.Service.HistoryAsync(AlertTestServices.Alice));
        Assert.Equal(70_200m, firing.Value);
    }

    [Fact]
    public async Task ANewAlertIsWatchedWithoutReattaching()
    {
        var notices = new List<AlertNotice>();
        await using var tab = await services.Monitor.AttachAsync("alice", session, notices.Add);
        Assert.Empty(session.FakeFeeds.Opened);

        await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("000660", AlertKind.PriceBelow, 180_000, 0, Rearm: true));

        await Eventually.TrueAsync(() => session.FakeFeeds.Opened.OfType<LiveFeed<Quote>>().Any(), Deadline);
        session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade).Publish(QuoteOf(179_000) with { Code = "000660" });
        await Eventually.TrueAsync(() => notices.Count == 1, Deadline);
    }

    [Fact]
    public async Task NothingIsEvaluatedOnceTheLastTabLeft()
    {
        await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, Rearm: true));
        var tab = await services.Monitor.AttachAsync("alice", session, _ => { });
        Assert.True(services.Monitor.IsWatching("alice"));

        var feed = session.FakeFeeds.Live<Quote>(RealtimeTypes.Trade);

        await tab.DisposeAsync();

        Assert.False(services.Monitor.IsWatching("alice"));
        // A disposed feed completes: reading it to the end returns instead of waiting for quotes.
        await Task.Run(async () =>
        {
            await foreach (var batch in feed.ReadAllAsync())
            {
            }
        }).WaitAsync(Deadline);
    }

    [Fact]
    public async Task AnotherMembersAlertsAreNotEvaluatedOnThisMembersFeed()
    {
        await services.Service.CreateAsync(AlertTestServices.Bob, new AlertInput("005930", AlertKind.PriceAbove, 1, 0, Rearm: true));
        var notices = new List<AlertNotice>();

        await using var tab = await services.Monitor.AttachAsync("alice", session, notices.Add);

        Assert.Empty(session.FakeFeeds.Opened);
        Assert.Empty(await services.Service.HistoryAsync(AlertTestServices.Bob));
    }

    private static Quote QuoteOf(long price) =>
        new("005930", "삼성전자", price, PriceDirection.Up, 0, 0m, 1_000, 1, null, DateTimeOffset.UtcNow, false);
}
