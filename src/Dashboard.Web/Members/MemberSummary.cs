namespace Dashboard.Web.Members;

/// <summary>One row of the admin's member list.</summary>
public sealed record MemberSummary(string Id, string Email, string Role, bool IsDisabled, bool TwoFactorEnabled, DateTimeOffset CreatedAt);
