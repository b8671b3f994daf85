namespace Dashboard.Web.Alerts;

/// <summary>A fired alert as the member's circuits are told about it (after it is in the history).</summary>
public sealed record AlertNotice(Guid AlertId, string Code, AlertKind Kind, decimal Threshold, int WindowMinutes, decimal Value, DateTimeOffset FiredAt, bool StillActive);
