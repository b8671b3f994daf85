namespace Dashboard.Web.Data;

/// <summary>
/// The member roles. Admin manages members; Trader may order; Viewer only watches; Auditor reads every
/// member's orders and the audit but can neither order nor change anything (SEC-14).
/// </summary>
public static class DashboardRoles
{
    public const string Admin = "Admin";
    public const string Trader = "Trader";
    public const string Viewer = "Viewer";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Trader, Viewer, Auditor];
}
