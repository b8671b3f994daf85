namespace Dashboard.Web.Alerts;

/// <summary>One time an alert fired, with the value that fired it (history; kept when the alert is deleted).</summary>
public sealed class AlertFiring
{
    public long Id { get; set; }

    public required string OwnerId { get; set; }

    public Guid? AlertId { get; set; }

    public required string Code { get; set; }

    public AlertKind Kind { get; set; }

    public decimal Threshold { get; set; }

    public int WindowMinutes { get; set; }

    /// <summary>Price in won, rate in percent, or shares: what the market showed when the rule fired.</summary>
    public decimal Value { get; set; }

    public DateTimeOffset FiredAt { get; set; }
}
