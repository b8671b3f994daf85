namespace Dashboard.Web.Orders;

/// <summary>One member on the limits page: who, their role, and the limits in force (own or default).</summary>
public sealed record MemberLimitsRow(string MemberId, string Email, string? Role, TradingLimits Limits, bool IsDefault);
