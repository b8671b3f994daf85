namespace Dashboard.Web.Security;

/// <summary>Authorization policy names; the same names guard pages and services.</summary>
public static class DashboardPolicies
{
    /// <summary>Admin role with two-factor authentication enabled.</summary>
    public const string Admin = "Dashboard.Admin";

    /// <summary>Trader or Admin: may use order pages on simulator and mock connections.</summary>
    public const string Trade = "Dashboard.Trade";

    /// <summary>Trader or Admin with two-factor authentication: may trade on a production connection.</summary>
    public const string TradeLive = "Dashboard.TradeLive";
}
