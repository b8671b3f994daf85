using Dashboard.Kiwoom.Market;

namespace Dashboard.Web.Components.Market;

/// <summary>
/// The prices at which a dynamic VI triggers in continuous trading: a trade that moves the price
/// <see cref="Percent"/> or more from the trade before it (KRX: 3% for KOSPI200 members, 6% for other KOSPI and
/// KOSDAQ stocks). The reference is the last trade, so the marks move with every print.
/// </summary>
public sealed record DynamicViMarks(long Reference, int Percent, long Upper, long Lower)
{
    public const int Kospi200Percent = 3;
    public const int OtherPercent = 6;

    /// <param name="lastPrice">The last trade price; no marks without one.</param>
    /// <param name="isKospi200">Null when membership is unknown: then no marks rather than a guess.</param>
    public static DynamicViMarks? From(long? lastPrice, bool? isKospi200)
    {
        if (lastPrice is not ( > 0 and var basis) || isKospi200 is not { } member)
        {
            return null;
        }

        var percent = member ? Kospi200Percent : OtherPercent;
        var upper = KrxTickSize.RoundUp(KrxTickTable.Stock, (basis * (100 + percent) + 99) / 100);
        var lower = KrxTickSize.RoundDown(KrxTickTable.Stock, basis * (100 - percent) / 100);
        return new DynamicViMarks(basis, percent, upper, lower);
    }

    /// <summary>"book-vi-dyn-up"/"book-vi-dyn-down" for a price at or beyond a trigger, else empty.</summary>
    public string ClassFor(long price) => price >= Upper ? "book-vi-dyn-up" : price <= Lower ? "book-vi-dyn-down" : string.Empty;
}
