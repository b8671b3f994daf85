namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// The orders of the closing single-price auction (15:20-15:30 in calendar mode), per listing: they accumulate with no
/// trade, the expected price and quantity follow every arrival, and at 15:30 each listing crosses once.
/// </summary>
internal sealed class ClosingAuctionBook
{
    private readonly Dictionary<Instrument, (Dictionary<long, long> Buys, Dictionary<long, long> Sells)> _orders = [];

    /// <summary>True from the first step of the auction until its crossing.</summary>
    public bool Open { get; private set; }

    /// <summary>When the auction crosses: 15:30 Korea time of its day.</summary>
    public DateTimeOffset CrossesAt { get; private set; }

    public void Begin(DateTimeOffset crossesAt)
    {
        Open = true;
        CrossesAt = crossesAt;
    }

    /// <summary>
    /// Adds an order at <paramref name="price"/> (a market order at the daily limit), or withdraws one with a negative
    /// <paramref name="quantity"/>, and returns the new expected crossing.
    /// </summary>
    public (long Price, long Quantity) Add(Instrument i, bool buy, long price, long quantity)
    {
        if (!_orders.TryGetValue(i, out var book))
        {
            book = ([], []);
            _orders[i] = book;
        }

        var side = buy ? book.Buys : book.Sells;
        var left = side.GetValueOrDefault(price) + quantity;
        if (left > 0)
        {
            side[price] = left;
        }
        else
        {
            side.Remove(price);
        }

        return SinglePriceCross.Find(book.Buys, book.Sells, i.Last);
    }

    /// <summary>Closes the auction: every listing with orders and its crossing (quantity 0 when its orders never met).</summary>
    public IReadOnlyList<(Instrument Instrument, long Price, long Quantity)> Cross()
    {
        var crossings = _orders.Select(o =>
        {
            var (price, quantity) = SinglePriceCross.Find(o.Value.Buys, o.Value.Sells, o.Key.Last);
            return (o.Key, price, quantity);
        }).ToArray();
        _orders.Clear();
        Open = false;
        return crossings;
    }
}
