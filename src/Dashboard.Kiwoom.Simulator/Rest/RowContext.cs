using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>What one response object (the top level or one LIST row) describes.</summary>
internal sealed class RowContext
{
    public required MarketEngine Engine { get; init; }

    public required DateTime NowKst { get; init; }

    public Instrument? Instrument { get; init; }

    /// <summary>Daily history for the fields measured over days (250-day and year highs and lows); null where no row needs it.</summary>
    public PriceHistory? History { get; init; }

    /// <summary>A candle this row reports, with the close before it as the direction reference.</summary>
    public Bar? Bar { get; init; }

    public long BarReference { get; init; }

    public Trade? Trade { get; init; }

    public Sector? Sector { get; init; }

    public Theme? Theme { get; init; }

    public Broker? Broker { get; init; }

    public int Rank { get; init; }

    /// <summary>Account and order values that take precedence over the market mapping (by field name).</summary>
    public IReadOnlyDictionary<string, string>? Overrides { get; init; }

    /// <summary>The price this row reports; for a sector row, its index level in hundredths like its candles.</summary>
    public long Last => Bar?.Close ?? Trade?.Price ?? Instrument?.Last ?? SectorHundredths(Sector?.Level);

    /// <summary>The base the change, change sign and change rate of this row are measured from.</summary>
    public long Reference => Bar is not null ? BarReference : Instrument?.BasePrice ?? SectorHundredths(Sector?.BaseLevel);

    private static long SectorHundredths(decimal? level) => level is { } value ? (long)Math.Round(value * 100m) : 0;

    /// <summary>
    /// The broker a field of this row names when the row is not itself a broker's: the N-th of a numbered list
    /// (sell and buy sides ranked differently), so a code and a name with the same N always name one broker.
    /// </summary>
    public Broker BrokerAt(FieldSpec f)
    {
        var brokers = Engine.Universe.Brokers;
        var buySide = f.Name.StartsWith("buy", StringComparison.Ordinal);
        var start = Stable(buySide ? "buy_broker" : "broker");
        return brokers[(start + Math.Max(0, f.Ordinal - 1)) % brokers.Count];
    }

    public int Stable(string field)
    {
        var h = 17;
        foreach (var c in field)
        {
            h = h * 31 + c;
        }

        return (h ^ (Instrument?.Salt ?? Rank * 7919) ^ (Bar?.Time.DayOfYear ?? 0)) & int.MaxValue;
    }
}
