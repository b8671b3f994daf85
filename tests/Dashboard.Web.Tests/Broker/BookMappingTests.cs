using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

/// <summary>The order book as the simulator serves it: the ka10004 snapshot and the 0D pushes read the same way.</summary>
public sealed class BookMappingTests(BrokerHost host) : IClassFixture<BrokerHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheSnapshotHasTenLevelsEachSideInPriceOrderAroundTheSpread()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);

        var answer = await lease.Session.Queries.QueryAsync(new Ka10004Request { StockCode = "005930" });
        Assert.True(answer.IsSuccess, answer.Error?.Message);
        var book = BookMapping.ToBook("005930", answer.Value!, DateTimeOffset.UtcNow);

        AssertWellFormed(book);
    }

    [Fact]
    public async Task ThePushedBookIsReadTheSameWay()
    {
        var (owner, connection) = await host.NewMemberAsync();
        await using var lease = Assert.IsType<BrokerLease>((await host.Registry.OpenAsync(owner, connection)).Lease);
        var feed = await lease.Session.Feeds.SubscribeLiveAsync(RealtimeTypes.OrderBook, ["005930"], BookQuote.From);
        Assert.True(feed.IsSuccess, feed.Error?.Message);
        await using var books = feed.Value!;

        using var timeout = new CancellationTokenSource(Wait);
        await using var batches = books.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await batches.MoveNextAsync());

        AssertWellFormed(Assert.Single(batches.Current));
    }

    private static void AssertWellFormed(BookQuote book)
    {
        Assert.Equal(10, book.Asks.Count);
        Assert.Equal(10, book.Bids.Count);
        Assert.All(book.Asks.Concat(book.Bids), level => Assert.True(level.Price > 0 && level.Quantity >= 0, $"level {level}"));
        Assert.Equal(book.Asks.Select(l => l.Price).Order(), book.Asks.Select(l => l.Price));
        Assert.Equal(book.Bids.Select(l => l.Price).OrderDescending(), book.Bids.Select(l => l.Price));
        Assert.True(book.Asks[0].Price > book.Bids[0].Price, $"best ask {book.Asks[0].Price} above best bid {book.Bids[0].Price}");
    }
}
