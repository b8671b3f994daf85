namespace Dashboard.Web.Orders;

/// <summary>The result of re-computing the chain: OK, or the first sequence whose row does not fit.</summary>
public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, null);

    public static AuditVerification BrokenAt(long rows, long sequence, string problem) => new(false, rows, sequence, problem);
}
