using System.Collections.Frozen;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The typed accessor table for every FID of every realtime type in realtime.json: the kind of each
/// FID comes from its documented format (PROTOCOL.md section 7), with the price FIDs of 3.6.
/// </summary>
public static class RealtimeFields
{
    // PROTOCOL.md 3.6: FIDs whose sign is a direction, not arithmetic (41-60 are the book levels).
    private static readonly FrozenSet<int> PriceFids = new[]
        {
            RealtimeFid.CurrentPrice, RealtimeFid.Open, RealtimeFid.High, RealtimeFid.Low, RealtimeFid.BestAsk, RealtimeFid.BestBid,
            RealtimeFid.NAV, RealtimeFid.UpperLimitPrice, RealtimeFid.LowerLimitPrice,
        }
        .Concat(Enumerable.Range(RealtimeFid.AskPrice1, 2 * OrderBook.Depth)).ToFrozenSet();

    // Sector index values carry decimals in their price FIDs (NAV is caught by its sample).
    private static readonly FrozenSet<string> DecimalPriceTypes = new[] { "0J", "0U" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<int> TimeFids = new[]
    {
        RealtimeFid.Time, RealtimeFid.QuoteTime, RealtimeFid.TimeRemainingToMarketStart, RealtimeFid.UpperLimitTime,
        RealtimeFid.LowerLimitTime, RealtimeFid.OrderFillTime, RealtimeFid.TradeProcessingTime, RealtimeFid.VIReleaseTime,
        RealtimeFid.OpenTime, RealtimeFid.HighTime, RealtimeFid.LowTime,
    }.ToFrozenSet();

    private static readonly FrozenSet<int> DateFids = new[] { RealtimeFid.LoanDateInBalance, RealtimeFid.MaturityDate, RealtimeFid.LoanDateInOrderExecutionNotice }.ToFrozenSet();

    private static readonly FrozenSet<int> SignFids = new[]
    {
        RealtimeFid.ChangeSign, RealtimeFid.ExpectedPriceChangeSignVsPreviousClose, RealtimeFid.ExpectedPriceSignVsPreviousDay,
    }.ToFrozenSet();

    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<RealtimeFieldDefinition>>> Table = new(Build);

    /// <summary>Every type in the catalog and its FIDs in wire order.</summary>
    public static FrozenDictionary<string, IReadOnlyList<RealtimeFieldDefinition>> ByType => Table.Value;

    /// <summary>The definitions of <paramref name="type"/>, or empty for an unknown type.</summary>
    public static IReadOnlyList<RealtimeFieldDefinition> For(string type) => ByType.GetValueOrDefault(type) ?? [];

    /// <summary>Reads one FID of <paramref name="e"/> through its definition; null when the push lacks it.</summary>
    public static RealtimeFieldReading? Read(RealtimeEvent e, RealtimeFieldDefinition field)
    {
        var v = e.Values;
        if (v.GetString(field.Fid) is not { } raw)
        {
            return null;
        }

        object? value = field.Kind switch
        {
            RealtimeFieldKind.Price => v.GetPrice(field.Fid),
            RealtimeFieldKind.DecimalPrice => v.GetDecimalPrice(field.Fid),
            RealtimeFieldKind.Integer => v.GetInt64(field.Fid),
            RealtimeFieldKind.Decimal => v.GetDecimal(field.Fid),
            RealtimeFieldKind.Time => v.GetTime(field.Fid),
            RealtimeFieldKind.Date => v.GetDate(field.Fid),
            RealtimeFieldKind.ChangeSign => v.GetChangeSign(field.Fid) is var s and not ChangeSignCode.Unknown ? s : null,
            _ => raw,
        };
        return new RealtimeFieldReading(field, raw, value);
    }

    /// <summary>Every FID of <paramref name="e"/> that its type defines, in wire order (for the CLI and logs).</summary>
    public static IEnumerable<RealtimeFieldReading> ReadAll(RealtimeEvent e)
    {
        foreach (var field in For(e.Type))
        {
            if (Read(e, field) is { } reading)
            {
                yield return reading;
            }
        }
    }

    internal static RealtimeFieldKind KindOf(string type, RealtimeFieldSpec spec)
    {
        var fid = int.Parse(spec.Fid, System.Globalization.CultureInfo.InvariantCulture);
        var format = spec.Format.Trim();
        var sample = spec.Sample ?? "";
        if (PriceFids.Contains(fid) && type != "0I")
        {
            return DecimalPriceTypes.Contains(type) || sample.Contains('.') ? RealtimeFieldKind.DecimalPrice : RealtimeFieldKind.Price;
        }

        if (TimeFids.Contains(fid) || format.StartsWith('T'))
        {
            return RealtimeFieldKind.Time;
        }

        if (DateFids.Contains(fid) || format == "D")
        {
            return RealtimeFieldKind.Date;
        }

        if (SignFids.Contains(fid) || format is "1–5" or "§3.6 table")
        {
            return RealtimeFieldKind.ChangeSign;
        }

        if (format.Contains('%') || sample.Contains('.') || format.Contains("0.0", StringComparison.Ordinal))
        {
            return RealtimeFieldKind.Decimal;
        }

        return IsNumeric(format) ? RealtimeFieldKind.Integer : RealtimeFieldKind.Text;
    }

    private static bool IsNumeric(string format) =>
        format.StartsWith('Q') || format.StartsWith("KRW", StringComparison.Ordinal) || format.Contains("signed", StringComparison.Ordinal)
        || format.Contains("million", StringComparison.Ordinal) || format.Contains("억원", StringComparison.Ordinal)
        || format is "count" or "integer" or "`0`" or "`+` buy, `-` sell" or "spec: `+` buy / `-` sell" or "vs base price" or "vs base price (기준가대비)";

    private static FrozenDictionary<string, IReadOnlyList<RealtimeFieldDefinition>> Build() =>
        KiwoomCatalog.Default.Realtime.Types.ToFrozenDictionary(
            t => t.Type,
            t => (IReadOnlyList<RealtimeFieldDefinition>)t.Fields
                .Select(f => new RealtimeFieldDefinition(t.Type, int.Parse(f.Fid, System.Globalization.CultureInfo.InvariantCulture), f.Ko, f.En, KindOf(t.Type, f)))
                .ToArray(),
            StringComparer.Ordinal);
}
