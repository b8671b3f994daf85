using System.Text.RegularExpressions;

namespace Dashboard.Web.Alerts;

/// <summary>A new alert as a member typed it; <see cref="Validate"/> says in words what is wrong.</summary>
public sealed partial record AlertInput(string Code, AlertKind Kind, decimal Threshold, int WindowMinutes, bool Rearm)
{
    public const int CodeLength = 6;
    public const int MaxWindowMinutes = 60;

    /// <summary>The resource key of the first problem (AlertText), or null when the input is usable.</summary>
    public string? Validate() => this switch
    {
        _ when !StockCode().IsMatch(Code ?? string.Empty) => "InvalidCode",
        { Kind: AlertKind.PriceAbove or AlertKind.PriceBelow, Threshold: <= 0 or > 100_000_000 } => "InvalidPrice",
        { Kind: AlertKind.PriceAbove or AlertKind.PriceBelow } when Threshold != decimal.Truncate(Threshold) => "InvalidPrice",
        { Kind: AlertKind.RateOfChange, Threshold: <= 0 or > 60 } => "InvalidRate",
        { Kind: AlertKind.VolumeSpike, Threshold: < 1 or > 10_000_000_000 } => "InvalidVolume",
        { Kind: AlertKind.RateOfChange or AlertKind.VolumeSpike, WindowMinutes: < 1 or > MaxWindowMinutes } => "InvalidWindow",
        _ when !Enum.IsDefined(Kind) => "InvalidKind",
        _ => null,
    };

    // KRX codes: six characters, digits with an occasional capital letter (00680K).
    [GeneratedRegex("^[0-9][0-9A-Z]{5}$")]
    private static partial Regex StockCode();
}
