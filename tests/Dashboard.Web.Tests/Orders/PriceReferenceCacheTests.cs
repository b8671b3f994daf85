using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// ka10001 once per stock and KST trading day for a connection's orders; the last trade from the 0B feed; every
/// miss, error, new day, ended or quiet feed goes back to the query.
/// </summary>
public sealed class PriceReferenceCacheTests
{
    private const string Code = "005930";

    // 10:00 in Seoul.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
    private readonly FakeOrderGateway gateway = new();

    public PriceReferenceCacheTests()
    {
        BasePrice(70_000, last: 70_300);
        gateway.Queries.Bodies["ka10100"] = """{"return_code":0,"return_msg":"ok","code":"005930","name":"삼성전자","marketCode":"0"}""";
    }

    private int Reads => gateway.Queries.Asked.Count(a => a == "ka10001");

    private void BasePrice(long basePrice, long last) => gateway.Queries.Bodies["ka10001"] =
        $$"""{"return_code":0,"return_msg":"ok","stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+{{last}}","base_pric":"{{basePrice}}","pred_pre":"+{{last - basePrice}}"}""";

    private PriceReferenceCache Cache(TimeSpan? quoteMaxAge = null) =>
        new(new FakeOrderChannel(gateway, KiwoomEnvironment.Simulator), new BrokerPriceReferenceSource(time), time, quoteMaxAge ?? TimeSpan.FromSeconds(10));

    private void Trade(long price) =>
        gateway.Feeds.Live<Quote>(RealtimeTypes.Trade).Publish(new Quote(Code, "삼성전자", price, Dashboard.Kiwoom.Wire.PriceDirection.Up, price - 70_000, 0.5m, 1_000, 1, null, time.GetUtcNow(), false));

    [Fact]
    public async Task ManyOrdersForOneStockReadItsBasePriceOnceAndFollowTheLastTrade()
    {
        await using var cache = Cache();
        for (var n = 0; n < 20; n++)
        {
            Assert.Equal(new PriceReference(70_000, 70_300), await cache.GetAsync(OrderProduct.Stock, Code));
        }

        Assert.Equal(1, Reads);
        Assert.Equal([Code], gateway.Feeds.ItemsOf(Assert.Single(gateway.Feeds.Opened)));

        Trade(70_500);
        var reference = await cache.GetAsync(OrderProduct.Stock, Code);
        for (var tries = 0; tries < 500 && reference!.LastPrice != 70_500; tries++)
        {
            await Task.Delay(10);
            reference = await cache.GetAsync(OrderProduct.Stock, Code);
        }

        Assert.Equal(new PriceReference(70_000, 70_500), reference);
        Assert.Equal(1, Reads);
    }

    [Fact]
    public async Task TheNextTradingDayReadsTheNewBasePrice()
    {
        // A last trade that never goes stale, so only the day decides.
        await using var cache = Cache(TimeSpan.FromDays(2));
        await cache.GetAsync(OrderProduct.Stock, Code);
        BasePrice(70_500, last: 70_500);

        // 23:59 in Seoul is still the same trading day; a minute later it is not.
        time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.Equal(70_000, (await cache.GetAsync(OrderProduct.Stock, Code))!.PreviousClose);
        Assert.Equal(1, Reads);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new PriceReference(70_500, 70_500), await cache.GetAsync(OrderProduct.Stock, Code));
        Assert.Equal(2, Reads);
        Assert.Single(gateway.Feeds.Opened);
    }

    [Fact]
    public async Task AQuietLastTradeIsReadAgainNotTrusted()
    {
        await using var cache = Cache();
        await cache.GetAsync(OrderProduct.Stock, Code);
        time.Advance(TimeSpan.FromSeconds(11));
        BasePrice(70_000, last: 69_000);

        Assert.Equal(69_000, (await cache.GetAsync(OrderProduct.Stock, Code))!.LastPrice);
        Assert.Equal(2, Reads);
    }

    [Fact]
    public async Task AFailedReadIsNeitherKeptNorGuessed()
    {
        await using var cache = Cache();
        gateway.Queries.Bodies.TryRemove("ka10001", out _);
        Assert.Null(await cache.GetAsync(OrderProduct.Stock, Code));
        Assert.Null(await cache.GetAsync(OrderProduct.Stock, Code));
        Assert.Equal(2, Reads);
        Assert.Empty(gateway.Feeds.Opened);

        // Kept, then gone quiet while the broker fails: the failure shows, the kept reference is not used instead.
        BasePrice(70_000, last: 70_300);
        Assert.NotNull(await cache.GetAsync(OrderProduct.Stock, Code));
        time.Advance(TimeSpan.FromSeconds(11));
        gateway.Queries.Bodies.TryRemove("ka10001", out _);
        Assert.Null(await cache.GetAsync(OrderProduct.Stock, Code));
        Assert.Null(await cache.GetAsync(OrderProduct.Stock, Code));
        Assert.Equal(5, Reads);
    }

    [Fact]
    public async Task AFeedThatEndsSendsTheNextOrderBackToTheQuery()
    {
        await using var cache = Cache();
        await cache.GetAsync(OrderProduct.Stock, Code);
        await gateway.Feeds.Live<Quote>(RealtimeTypes.Trade).DisposeAsync();

        for (var tries = 0; tries < 500 && Reads < 2; tries++)
        {
            Assert.NotNull(await cache.GetAsync(OrderProduct.Stock, Code));
            await Task.Delay(Reads < 2 ? 10 : 0);
        }

        Assert.Equal(2, Reads);
        Assert.Equal(2, gateway.Feeds.Opened.Count);
    }
}
