namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// The index an ETF tracks: its KRX code and name, the multiple it delivers (2 leveraged, -1 inverse) and the
/// index level at the previous close. The index moves with the basket divided by the multiple, so NAV tracks it.
/// </summary>
public sealed record EtfTarget(string IndexCode, string IndexName, int Multiple, decimal BaseLevel)
{
    /// <summary>A yearly tracking error in basis points: index funds a few, leveraged and inverse funds more.</summary>
    public int TrackingErrorBp { get; init; }
}
