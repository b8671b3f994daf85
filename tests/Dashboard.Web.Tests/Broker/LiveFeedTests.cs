using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

public sealed class LiveFeedTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SlowReaderGetsOnlyTheNewestQuotePerCode()
    {
        var feed = new LiveFeed<Quote>(MarketMapping.ToQuote);
        for (var price = 70_000; price < 70_100; price++)
        {
            feed.Publish(QuoteOf("005930", price));
            feed.Publish(QuoteOf("000660", price * 2));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var batches = feed.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await batches.MoveNextAsync());
        var batch = batches.Current.ToDictionary(q => q.Code);

        Assert.Equal(2, batch.Count);
        Assert.Equal(70_099, batch["005930"].Price);
        Assert.Equal(140_198, batch["000660"].Price);
        Assert.Equal(198, feed.ConflatedCount);
    }

    [Fact]
    public async Task ReadingEndsWhenTheFeedIsDisposed()
    {
        var feed = new LiveFeed<Quote>(MarketMapping.ToQuote);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var batch in feed.ReadAllAsync(timeout.Token))
            {
                count += batch.Count;
            }

            return count;
        });

        await feed.DisposeAsync();

        Assert.Equal(0, await reading.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task LosslessFeedDeliversEveryEventInOrderWhenTheReaderLags()
    {
        const int Count = 2_000;
        var feed = new EventFeed<Quote>(MarketMapping.ToQuote, capacity: 16, lossless: true);
        IFeedSink sink = feed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The writer is held back by the small queue (backpressure) instead of dropping.
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                await sink.DeliverAsync(TradeEvent("005930", 50_000 + i), timeout.Token);
            }
        });

        await Eventually.TrueAsync(() => feed.Events.Count == 16, TimeSpan.FromSeconds(10));
        Assert.False(writing.IsCompleted, "The writer should be waiting for the reader, not dropping.");

        var received = new List<long>();
        while (received.Count < Count)
        {
            var quote = await feed.Events.ReadAsync(timeout.Token);
            received.Add(quote.Price);
        }

        await writing.WaitAsync(timeout.Token);
        Assert.Equal(Enumerable.Range(50_000, Count).Select(p => (long)p), received);
    }

    [Fact]
    public async Task TradeTapeFeedKeepsTheNewestWhenItsReaderIsStuck()
    {
        var feed = new EventFeed<Quote>(MarketMapping.ToQuote, capacity: 16, lossless: false);
        IFeedSink sink = feed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Never waits: a stuck tab must not hold up the shared delivery.
        for (var i = 0; i < 100; i++)
        {
            var delivered = sink.DeliverAsync(TradeEvent("005930", 60_000 + i), timeout.Token);
            Assert.True(delivered.IsCompleted);
        }

        var kept = new List<long>();
        while (feed.Events.TryRead(out var quote))
        {
            kept.Add(quote.Price);
        }

        Assert.Equal(Enumerable.Range(60_084, 16).Select(p => (long)p), kept);
        await feed.DisposeAsync();
    }

    private static Quote QuoteOf(string code, long price) =>
        new(code, null, price, Dashboard.Web.Shell.PriceDirection.Up, 100, 0.1m, 1_000, 1, null, At, FromSnapshot: false);

    private static RealtimeEvent TradeEvent(string code, long price)
    {
        var frame = $$$"""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"{{{code}}}","values":{"20":"100000","10":"+{{{price}}}","11":"+100","12":"+0.20","13":"1000","15":"+10","25":"2"}}]}""";
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser().Parse(System.Text.Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }
}
