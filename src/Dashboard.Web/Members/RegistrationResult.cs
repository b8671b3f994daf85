using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Members;

/// <summary>The outcome of a registration: the new member and their role, or the reasons it failed.</summary>
public sealed record RegistrationResult(string? UserId, string? Role, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => UserId is not null;

    public static RegistrationResult Failed(params IdentityError[] errors) => new(null, null, errors);
}
