using System.Globalization;
using Dashboard.Kiwoom;

namespace Dashboard.Web.Shell;

/// <summary>How the UI writes a moment: always in Korea time, whatever the server's or browser's zone.</summary>
public static class KoreaTimeText
{
    /// <summary>"2026-11-26 11:24:06 KST".</summary>
    public static string Format(DateTimeOffset instant) =>
        KoreaTime.ToKorea(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " KST";
}
