namespace Dashboard.Web.Data;

/// <summary>An admin's pre-trade limits for one member (SEC-20); a member without a row gets the defaults.</summary>
public class MemberTradingLimit
{
    public required string MemberId { get; set; }

    /// <summary>Largest price × quantity of one order, in won.</summary>
    public long MaxOrderValue { get; set; }

    public long MaxQuantity { get; set; }

    /// <summary>How far (percent) a limit price may be from the last trade.</summary>
    public int PriceCollarPercent { get; set; }

    public int MaxOrdersPerMinute { get; set; }

    public bool AllowSimulator { get; set; }

    public bool AllowMock { get; set; }

    public bool AllowProduction { get; set; }

    public bool Halted { get; set; }

    public string? HaltReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
