using System.Globalization;

namespace Dashboard.Kiwoom;

/// <summary>
/// Korea Standard Time is UTC+9 all year (no daylight saving since 1988), so a fixed offset is exact
/// and independent of the host's time zone and of its time-zone database. Kiwoom's timestamps, the
/// simulator's market clock and every time the UI shows use this one definition.
/// </summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>Parses Kiwoom's <c>expires_dt</c> (<c>YYYYMMDDHHMMSS</c>, Korea wall clock).</summary>
    public static bool TryParseTimestamp(string? value, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(value?.Trim(), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            instant = new DateTimeOffset(wallClock, Offset);
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>The instant expressed in Korea time.</summary>
    public static DateTimeOffset ToKorea(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Korea wall-clock reading of an instant (what an exchange timestamp shows).</summary>
    public static DateTime WallClock(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    /// <summary>The Korea wall clock now.</summary>
    public static DateTime Now(TimeProvider clock) => WallClock(clock.GetUtcNow());

    /// <summary>Today's date in Korea.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
}
