namespace Dashboard.Web.Security;

/// <summary>Security events, ids 5000-5099. No secrets, tokens or full account numbers.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(5000, LogLevel.Warning, "Rejected a cross-origin connection to the Blazor hub.")]
    public static partial void CrossOriginHubRejected(ILogger logger);

    [LoggerMessage(5001, LogLevel.Warning, "Rejected a circuit: the member already has {Max} open circuits.")]
    public static partial void CircuitLimitReached(ILogger logger, int max);

    [LoggerMessage(5002, LogLevel.Warning, "Rate limit reached on {Path}.")]
    public static partial void RateLimited(ILogger logger, string path);

    [LoggerMessage(5003, LogLevel.Information, "Member {UserId} was disabled by {AdminId}; open circuits are being signed out.")]
    public static partial void MemberDisabled(ILogger logger, string userId, string adminId);

    [LoggerMessage(5004, LogLevel.Information, "A circuit of member {UserId} lost its authentication.")]
    public static partial void CircuitSignedOut(ILogger logger, string userId);

    [LoggerMessage(5005, LogLevel.Information, "Session of member {UserId} passed its absolute limit.")]
    public static partial void AbsoluteSessionExpired(ILogger logger, string userId);

    [LoggerMessage(5006, LogLevel.Information, "Member {UserId} registered with role {Role}.")]
    public static partial void MemberRegistered(ILogger logger, string userId, string role);

    [LoggerMessage(5007, LogLevel.Warning, "Registration refused: {Reason}.")]
    public static partial void RegistrationRefused(ILogger logger, string reason);

    // The one deliberate exception to "no secrets in logs": the setup code must reach the operator, once,
    // before any account exists; it is useless after the first registration.
    [LoggerMessage(5008, LogLevel.Warning, "No administrator exists yet. To create the administrator account, open the dashboard and enter this one-time setup code: {SetupCode}")]
    public static partial void SetupCodeIssued(ILogger logger, string setupCode);

    [LoggerMessage(5010, LogLevel.Warning, "Refused a plain-HTTP request from {RemoteAddress}: HTTPS is required (a reverse proxy must be listed in Dashboard:ReverseProxy and send X-Forwarded-Proto).")]
    public static partial void InsecureRequestRefused(ILogger logger, string remoteAddress);

    [LoggerMessage(5011, LogLevel.Information, "A circuit of member {UserId} passed its {Limit} session limit and was signed out.")]
    public static partial void CircuitSessionExpired(ILogger logger, string userId, string limit);

    [LoggerMessage(5009, LogLevel.Warning, "Refused: {Reason}.")]
    public static partial void LastAdminProtected(ILogger logger, string reason);

    [LoggerMessage(5012, LogLevel.Warning, "A stored second-factor token ({Name}) cannot be decrypted (key ring lost or replaced); the member must set up 2FA again.")]
    public static partial void StoredTokenUnreadable(ILogger logger, string name);

    [LoggerMessage(5013, LogLevel.Information, "Encrypted {Count} second-factor token(s) stored in plain text by an earlier version.")]
    public static partial void StoredTokensProtected(ILogger logger, int count);

    [LoggerMessage(5031, LogLevel.Information, "Invitation {InvitationId} was revoked by {AdminId}.")]
    public static partial void InvitationRevoked(ILogger logger, Guid invitationId, string adminId);
}
