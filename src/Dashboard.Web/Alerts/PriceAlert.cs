namespace Dashboard.Web.Alerts;

/// <summary>A member's alert rule as stored. Only its owner reads or changes it (SEC-13).</summary>
public sealed class PriceAlert
{
    public Guid Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Code { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>Won for price alerts, percent for rate of change, shares for volume; unused for VI.</summary>
    public decimal Threshold { get; set; }

    /// <summary>Minutes looked back by rate-of-change and volume alerts.</summary>
    public int WindowMinutes { get; set; }

    /// <summary>True: fires again once the condition has cleared; false: fires once and switches itself off.</summary>
    public bool Rearm { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastFiredAt { get; set; }
}
