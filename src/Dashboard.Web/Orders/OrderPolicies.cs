namespace Dashboard.Web.Orders;

/// <summary>Policies of the order area beside <see cref="Security.DashboardPolicies"/>.</summary>
public static class OrderPolicies
{
    /// <summary>Admin or Auditor with two-factor authentication: read every member's orders and the audit (SEC-14).</summary>
    public const string ReadAudit = "Dashboard.ReadAudit";
}
