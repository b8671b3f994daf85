namespace Dashboard.Web.Data;

/// <summary>The UI languages the dashboard ships resources for; Korean first.</summary>
public static class DashboardCultures
{
    public const string Default = "ko";

    public static readonly IReadOnlyList<string> Supported = ["ko", "en"];

    public static string Normalize(string? culture) =>
        culture is not null && Supported.Contains(culture) ? culture : Default;
}
