namespace Dashboard.Web.Data;

/// <summary>The three member roles. Admin manages members; Trader may order; Viewer only watches.</summary>
public static class DashboardRoles
{
    public const string Admin = "Admin";
    public const string Trader = "Trader";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Trader, Viewer];
}
