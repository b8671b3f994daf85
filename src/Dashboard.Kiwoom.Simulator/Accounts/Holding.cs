namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>A position: quantity, average price and today's activity.</summary>
public sealed class Holding(string code)
{
    public string Code { get; } = code;

    public long Quantity { get; internal set; }

    public long AveragePrice { get; internal set; }

    public long TodayBought { get; internal set; }

    public long TodaySold { get; internal set; }

    public long RealizedPnl { get; internal set; }

    /// <summary>Quantity already committed to resting sell orders.</summary>
    public long ReservedForSale { get; internal set; }

    public long Sellable => Quantity - ReservedForSale;

    public long PurchaseAmount => Quantity * AveragePrice;
}
