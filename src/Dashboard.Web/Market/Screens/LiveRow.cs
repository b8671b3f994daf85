using System.Globalization;
using Dashboard.Web.Broker;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Market.Screens;

/// <summary>The live price, change and rate a screen row shows instead of its answer's values, as text with a direction.</summary>
public sealed record LiveRow(string Price, string Change, string Rate, PriceDirection Direction)
{
    public static LiveRow Of(Quote quote) => new(
        Krw.Format(quote.Price),
        quote.Change.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
        Percent.Signed(quote.ChangeRate),
        quote.Direction);

    public static LiveRow Of(IndexQuote index) => new(
        index.Value.ToString("#,0.00", CultureInfo.InvariantCulture),
        Percent.SignedPoints(index.Change),
        Percent.Signed(index.ChangeRate),
        index.Direction);

    public static IReadOnlyDictionary<string, LiveRow> Of(IReadOnlyDictionary<string, Quote> quotes) =>
        quotes.ToDictionary(q => q.Key, q => Of(q.Value), StringComparer.Ordinal);
}
