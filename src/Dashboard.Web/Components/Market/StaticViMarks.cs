using Dashboard.Kiwoom.Market;

namespace Dashboard.Web.Components.Market;

/// <summary>
/// The prices at which a static VI triggers: a trade 10% or more away from the static reference price (the
/// base price, or the price a VI's single-price auction set). On the book, levels at or beyond them are marked.
/// </summary>
public sealed record StaticViMarks(long Reference, long Upper, long Lower)
{
    public const int Percent = 10;

    public static StaticViMarks? From(long? reference)
    {
        if (reference is not ( > 0 and var basis))
        {
            return null;
        }

        var upper = KrxTickSize.RoundUp(KrxTickTable.Stock, (basis * (100 + Percent) + 99) / 100);
        var lower = KrxTickSize.RoundDown(KrxTickTable.Stock, basis * (100 - Percent) / 100);
        return new StaticViMarks(basis, upper, lower);
    }

    /// <summary>"vi-up"/"vi-down" for a price at or beyond a trigger, else empty.</summary>
    public string ClassFor(long price) => price >= Upper ? "book-vi-up" : price <= Lower ? "book-vi-down" : string.Empty;
}
