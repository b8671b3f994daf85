using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Security;

/// <summary>The member has an authenticator enabled (checked against the database, not the cookie).</summary>
public sealed class TwoFactorEnabledRequirement : IAuthorizationRequirement;
