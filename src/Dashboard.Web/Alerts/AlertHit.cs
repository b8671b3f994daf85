namespace Dashboard.Web.Alerts;

/// <summary>A rule that fired, the value that fired it and when.</summary>
public sealed record AlertHit(AlertRule Rule, decimal Value, DateTimeOffset At);
