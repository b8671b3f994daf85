namespace Dashboard.Web.Broker;

/// <summary>One bar of a price chart; <paramref name="Start"/> is the bar's opening moment in Korea time.</summary>
public sealed record Candle(DateTimeOffset Start, long Open, long High, long Low, long Close, long Volume)
{
    /// <summary>The bar after a trade at <paramref name="price"/> of <paramref name="quantity"/> shares inside it.</summary>
    public Candle With(long price, long quantity) =>
        this with { High = Math.Max(High, price), Low = Math.Min(Low, price), Close = price, Volume = Volume + quantity };
}
