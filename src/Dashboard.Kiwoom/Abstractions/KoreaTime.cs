using System.Globalization;

namespace Dashboard.Kiwoom.Auth;

/// <summary>
/// Korea Standard Time is UTC+9 all year (no daylight saving since 1988), so a fixed offset is exact
/// and independent of the host's time zone and of its time-zone database.
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

    /// <summary>The Korea wall-clock time of an instant.</summary>
    public static DateTimeOffset ToKorea(DateTimeOffset instant) => instant.ToOffset(Offset);
}
