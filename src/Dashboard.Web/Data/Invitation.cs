namespace Dashboard.Web.Data;

/// <summary>
/// A single-use registration link an admin created. Only the SHA-256 of the token is stored, so a
/// database leak does not hand out accounts.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }

    public required string TokenHash { get; set; }

    public required string Role { get; set; }

    public required string CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public string? UsedById { get; set; }

    /// <summary>Set when an admin withdrew the link before anyone used it; registration then refuses it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
