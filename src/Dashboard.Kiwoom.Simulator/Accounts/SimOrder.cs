namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>An order as the exchange sees it: resting quantity, fills and its place in the modify/cancel chain.</summary>
public sealed class SimOrder
{
    public required string Number { get; init; }

    /// <summary>The order this one modifies or cancels; "0000000" for a new order.</summary>
    public string OriginalNumber { get; init; } = "0000000";

    public required string Code { get; init; }

    public required OrderSide Side { get; init; }

    /// <summary>"매수", "매도", "매수정정", "매도취소" …</summary>
    public required string KindText { get; init; }

    public required string TradeType { get; init; }

    public long Quantity { get; internal set; }

    /// <summary>Limit price; 0 for market-type orders.</summary>
    public long Price { get; internal set; }

    public long ConditionPrice { get; init; }

    public long Filled { get; internal set; }

    public long FilledAmount { get; internal set; }

    public long Remaining => Quantity - Filled - Cancelled;

    public long Cancelled { get; internal set; }

    public OrderStatus Status { get; internal set; }

    public DateTimeOffset Time { get; init; }

    public string Exchange { get; init; } = "KRX";

    /// <summary>Cash reserved per unfilled share of a buy order (price plus fee headroom).</summary>
    public long ReservePerShare { get; internal set; }

    public bool Credit { get; init; }

    /// <summary>Placed during the closing auction (15:20-15:30): its quantity is in the auction's expected crossing until filled or withdrawn.</summary>
    internal bool InClosingAuction { get; set; }

    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled && Remaining > 0;

    public long AverageFillPrice => Filled == 0 ? 0 : FilledAmount / Filled;
}
