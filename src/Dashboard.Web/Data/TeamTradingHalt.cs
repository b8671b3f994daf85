namespace Dashboard.Web.Data;

/// <summary>The team-wide kill switch: one row (Id 1); while halted nobody's order reaches the broker.</summary>
public class TeamTradingHalt
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool Halted { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
