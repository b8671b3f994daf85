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
            asks[i] = new OrderBookLevel(v.GetPrice(RealtimeFid.AskPrice1 + i), v.GetInt64(RealtimeFid.AskQuantity1 + i), v.GetInt64(RealtimeFid.AskQuantityChange1VsPreviousPush + i));
            bids[i] = new OrderBookLevel(v.GetPrice(RealtimeFid.BidPrice1 + i), v.GetInt64(RealtimeFid.BidQuantity1 + i), v.GetInt64(RealtimeFid.BidQuantityChange1VsPreviousPush + i));
        }

        return new OrderBook(
            e.Item, v.GetTime(RealtimeFid.QuoteTime), asks, bids,
            v.GetInt64(RealtimeFid.TotalAskQuantity), v.GetInt64(RealtimeFid.TotalAskQuantityChange), v.GetInt64(RealtimeFid.TotalBidQuantity), v.GetInt64(RealtimeFid.TotalBidQuantityChange),
            v.GetInt64(RealtimeFid.ExpectedExecutionPrice), v.GetInt64(RealtimeFid.ExpectedExecutionQuantity), e.ReceivedAt);
    }
}
