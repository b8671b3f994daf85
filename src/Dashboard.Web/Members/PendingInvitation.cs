namespace Dashboard.Web.Members;

/// <summary>An invitation not yet used, expired or revoked, as the members page lists it (the token itself is never stored).</summary>
public sealed record PendingInvitation(Guid Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
