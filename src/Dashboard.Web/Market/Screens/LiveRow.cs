using System.Globalization;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Shell;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Web.Market.Screens;

/// <summary>The live price, change and rate a screen row shows instead of its answer's values, as text with a direction.</summary>
public sealed record LiveRow(string Price, string Change, string Rate, PriceDirection Direction)
{
    /// <summary>A stock's live row, its texts from the process-wide <see cref="LiveText"/> cache (every screen row of every circuit shares them).</summary>
    public static LiveRow Of(Quote quote) => new(
        LiveText.Price(quote.Price),
        LiveText.SignedWon(quote.Change),
        LiveText.Rate(quote.ChangeRate),
        quote.Direction);

    /// <summary>
    /// An index's live row takes its direction from the live change (0J's value may come unsigned while its change
    /// moves), so the price, change, rate and sign of the row never disagree.
    /// </summary>
    public static LiveRow Of(IndexQuote index) => new(
        index.Value.ToString("#,0.00", CultureInfo.InvariantCulture),
        Percent.SignedPoints(index.Change),
        Percent.Signed(index.ChangeRate),
        index.Change > 0 ? PriceDirection.Up : index.Change < 0 ? PriceDirection.Down : index.Direction);

    /// <summary>The change-sign mark of the live direction (▲ – ▼), as the answer's sign column writes it.</summary>
    public string Mark => TrCell.SignMark(Direction switch
    {
        PriceDirection.Up => ChangeSignCode.Up,
        PriceDirection.Down => ChangeSignCode.Down,
        _ => ChangeSignCode.Unchanged,
    });

    /// <summary>
    /// The price as a table cell writes it: with the direction's mark after it ("72,200 ▲"), as the answer's own
    /// price cells read, so a row that has gone live reads like the rows that have not.
    /// </summary>
    public string PriceCell => Direction switch
    {
        PriceDirection.Up => Price + " ▲",
        PriceDirection.Down => Price + " ▼",
        _ => Price,
    };

    /// <summary>Whether the answer's sign cell already says this direction (it may say more: ↑ upper limit, ↓ lower limit).</summary>
    public bool Agrees(TrCell sign) => sign.Tone == Direction switch
    {
        PriceDirection.Up => TrCellTone.Up,
        PriceDirection.Down => TrCellTone.Down,
        _ => TrCellTone.None,
    } && sign.Text.Length > 0;

    public static IReadOnlyDictionary<string, LiveRow> Of(IReadOnlyDictionary<string, Quote> quotes) =>
        quotes.ToDictionary(q => q.Key, q => Of(q.Value), StringComparer.Ordinal);
}
