namespace Dashboard.Web.Orders;

/// <summary>The team-wide kill switch as pages show it.</summary>
public sealed record TeamHaltState(bool Halted, string? Reason, DateTimeOffset? ChangedAt);
