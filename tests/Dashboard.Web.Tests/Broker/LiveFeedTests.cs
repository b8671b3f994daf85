using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

public sealed class LiveFeedTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SlowReaderGetsOnlyTheNewestQuotePerCode()
    {
        var feed = new LiveFeed<Quote>(RealtimeTypes.Trade, MarketMapping.ToQuote);
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
    public async Task FeedsGivenTheSameEventInTurnMapItOnceAndShareTheValue()
    {
        // The shared team quote feed hands one event to every member's feed on the receive loop's thread.
        var calls = 0;
        Func<RealtimeEvent, Quote?> map = e =>
        {
            calls++;
            return QuoteOf(e.Item, 70_000);
        };
        var (first, second) = (new LiveFeed<Quote>(RealtimeTypes.Trade, map), new LiveFeed<Quote>(RealtimeTypes.Trade, map));
        var tick = new RealtimeEvent(RealtimeTypes.Trade, "주식체결", "005930", default, At);

        ((IRealtimeSink)first).Deliver(tick);
        ((IRealtimeSink)second).Deliver(tick);
        Assert.Equal(1, calls);
        ((IRealtimeSink)second).Deliver(new RealtimeEvent(RealtimeTypes.Trade, "주식체결", "005930", default, At));
        Assert.Equal(2, calls);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var a = first.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await a.MoveNextAsync());
        var other = new LiveFeed<Quote>(RealtimeTypes.Trade, e => QuoteOf(e.Item, 1));
        ((IRealtimeSink)other).Deliver(tick);
        await using var c = other.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await c.MoveNextAsync());

        // Another map of the same event is its own value.
        Assert.Equal(1, Assert.Single(c.Current).Price);
        Assert.Equal(70_000, Assert.Single(a.Current).Price);
    }

    [Fact]
    public async Task ReadingEndsWhenTheFeedIsDisposed()
    {
        var feed = new LiveFeed<Quote>(RealtimeTypes.Trade, MarketMapping.ToQuote);
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
    public async Task LosslessFeedDisconnectsAReaderThatFallsTooFarBehindAfterEveryQueuedEvent()
    {
        var feed = new EventFeed<RealtimeEvent>(RealtimeTypes.OrderExecution, e => e, capacity: 16);
        IRealtimeSink sink = feed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Delivery runs on the socket's receive loop: it must never wait for a reader.
        for (var i = 0; i < 20; i++)
        {
            sink.Deliver(OrderEvent(i));
        }

        var received = new List<string>();
        var ended = await Assert.ThrowsAsync<FeedOverrunException>(async () =>
        {
            await foreach (var e in feed.Events.ReadAllAsync(timeout.Token))
            {
                received.Add(e.Item);
            }
        });

        // Nothing is silently dropped: the reader gets the first 16 in order, then is told it fell behind.
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"{i:D6}"), received);
        Assert.Equal(RealtimeTypes.OrderExecution, ended.Type);
    }

    [Fact]
    public async Task AStuckLosslessSubscriberDoesNotHoldUpAnotherSubscriberOfTheSameEvents()
    {
        var stuck = new EventFeed<RealtimeEvent>(RealtimeTypes.OrderExecution, e => e, capacity: 16);
        var reading = new EventFeed<RealtimeEvent>(RealtimeTypes.OrderExecution, e => e, capacity: 16);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<string>();
        var reader = Task.Run(async () =>
        {
            while (received.Count < 100)
            {
                received.Add((await reading.Events.ReadAsync(timeout.Token)).Item);
            }
        });

        for (var i = 0; i < 100; i++)
        {
            var e = OrderEvent(i);
            ((IRealtimeSink)stuck).Deliver(e);
            ((IRealtimeSink)reading).Deliver(e);

            // Paced by the live reader only, as a healthy tab would be.
            await Eventually.TrueAsync(() => reading.Events.Count < 8, TimeSpan.FromSeconds(10));
        }

        await reader.WaitAsync(timeout.Token);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{i:D6}"), received);

        // The stuck one kept what it had queued and was then told it fell behind.
        Assert.Equal(16, stuck.Events.Count);
        while (stuck.Events.TryRead(out _))
        {
        }

        await Assert.ThrowsAsync<FeedOverrunException>(() => stuck.Events.Completion.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task TradeTapeFeedKeepsTheNewestWhenItsReaderIsStuck()
    {
        var feed = new EventFeed<Quote>(RealtimeTypes.Trade, MarketMapping.ToQuote, capacity: 16);
        IRealtimeSink sink = feed;

        for (var i = 0; i < 100; i++)
        {
            sink.Deliver(TradeEvent("005930", 60_000 + i));
        }

        var kept = new List<long>();
        while (feed.Events.TryRead(out var quote))
        {
            kept.Add(quote.Price);
        }

        Assert.Equal(Enumerable.Range(60_084, 16).Select(p => (long)p), kept);
        Assert.False(feed.Events.Completion.IsCompleted);
        await feed.DisposeAsync();
    }

    private static Quote QuoteOf(string code, long price) =>
        new(code, null, price, Dashboard.Kiwoom.Wire.PriceDirection.Up, 100, 0.1m, 1_000, 1, null, At, FromSnapshot: false);

    private static RealtimeEvent TradeEvent(string code, long price) =>
        Parse($$$"""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"{{{code}}}","values":{"20":"100000","10":"+{{{price}}}","11":"+100","12":"+0.20","13":"1000","15":"+10","25":"2"}}]}""");

    // The item carries the sequence number so the order of delivery can be checked.
    private static RealtimeEvent OrderEvent(int sequence) =>
        Parse($$$"""{"trnm":"REAL","data":[{"type":"00","name":"주문체결","item":"{{{sequence:D6}}}","values":{"9201":"1234567890","9203":"{{{sequence}}}","913":"접수"}}]}""");

    private static RealtimeEvent Parse(string frame)
    {
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser().Parse(System.Text.Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }
}
