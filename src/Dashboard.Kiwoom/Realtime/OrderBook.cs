namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0D 주식호가잔량: ten levels each side (level 1 = best) and the totals.</summary>
public sealed record OrderBook(
    string Item,
    TimeOnly? Time,
    IReadOnlyList<OrderBookLevel> Asks,
    IReadOnlyList<OrderBookLevel> Bids,
    long? TotalAskQuantity,
    long? TotalAskChange,
    long? TotalBidQuantity,
    long? TotalBidChange,
    long? ExpectedPrice,
    long? ExpectedQuantity,
    DateTimeOffset ReceivedAt)
{
    public const int Depth = 10;

    public static OrderBook? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.OrderBook)
        {
            return null;
        }

        var v = e.Values;
        var asks = new OrderBookLevel[Depth];
        var bids = new OrderBookLevel[Depth];
        for (var i = 0; i < Depth; i++)
        {
            // Ask level n: price 40+n, quantity 60+n, change 80+n; bid level n: 50+n, 70+n, 90+n.
            asks[i] = new OrderBookLevel(v.GetPrice(41 + i), v.GetInt64(61 + i), v.GetInt64(81 + i));
            bids[i] = new OrderBookLevel(v.GetPrice(51 + i), v.GetInt64(71 + i), v.GetInt64(91 + i));
        }

        return new OrderBook(
            e.Item, v.GetTime(21), asks, bids,
            v.GetInt64(121), v.GetInt64(122), v.GetInt64(125), v.GetInt64(126),
            v.GetInt64(23), v.GetInt64(24), e.ReceivedAt);
    }
}
