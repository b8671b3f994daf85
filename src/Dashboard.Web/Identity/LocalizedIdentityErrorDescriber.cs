using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Identity;

/// <summary>
/// Identity's own refusals (password rules, duplicate e-mail, invalid token...) in the member's language.
/// The codes stay Identity's, so code that matches on <see cref="IdentityError.Code"/> is unaffected;
/// the text is looked up when the error is made, in the request's UI culture.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<IdentityErrorText> text) : IdentityErrorDescriber
{
    /// <summary>The code of <see cref="PasswordTooCommon"/>, refused by the shipped common-password list.</summary>
    public const string PasswordTooCommonCode = "CommonPassword";

    public IdentityError PasswordTooCommon() => new() { Code = PasswordTooCommonCode, Description = Text(nameof(PasswordTooCommon), []) };

    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName ?? string.Empty);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? string.Empty);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), role ?? string.Empty);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), role);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled));

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), role);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), role);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    private IdentityError Error(string code, params object[] arguments) => new() { Code = code, Description = Text(code, arguments) };

    private string Text(string key, object[] arguments)
    {
        var found = text[key, arguments];
        return found.ResourceNotFound ? throw new InvalidOperationException($"IdentityErrorText has no '{key}'.") : found.Value;
    }
}
