namespace Dashboard.Web.Shell;

/// <summary>Korea Standard Time (UTC+9, no daylight saving since 1988): every time the UI shows.</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset From(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>"2026-11-26 11:24:06 KST".</summary>
    public static string Format(DateTimeOffset instant) =>
        From(instant).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " KST";
}
