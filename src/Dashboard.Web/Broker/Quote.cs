using Dashboard.Web.Shell;

namespace Dashboard.Web.Broker;

/// <summary>
/// The latest trade of a stock: from a 0B push, or from a REST snapshot (ka10095) when the page
/// opens or after a reconnect. Prices in whole won; the direction is against the previous close.
/// </summary>
/// <param name="Change">Signed change in won against the previous close.</param>
/// <param name="LastVolume">Quantity of this trade (0B only); negative when sell-initiated.</param>
public sealed record Quote(
    string Code,
    string? Name,
    long Price,
    PriceDirection Direction,
    long Change,
    decimal ChangeRate,
    long CumulativeVolume,
    long? LastVolume,
    TimeOnly? Time,
    DateTimeOffset ReceivedAt,
    bool FromSnapshot) : ILiveValue
{
    public string Key => Code;

    /// <summary>When the sender built the frame (only the simulator in measurement mode says); for latency meters.</summary>
    public DateTimeOffset? EmittedAt { get; init; }
}
