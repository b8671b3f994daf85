using System.Globalization;
using System.Resources;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// The account forms' validation messages in the current UI language, for data annotations
/// (<c>ErrorMessageResourceType = typeof(AccountValidation)</c>). They come from AccountText.resx.
/// </summary>
public static class AccountValidation
{
    private static readonly ResourceManager Resources = new("Dashboard.Web.Localization.AccountText", typeof(AccountValidation).Assembly);

    public static string Required => Get(nameof(Required));

    public static string EmailInvalid => Get(nameof(EmailInvalid));

    public static string PasswordLength => Get(nameof(PasswordLength));

    public static string PasswordMismatch => Get(nameof(PasswordMismatch));

    public static string CodeLength => Get(nameof(CodeLength));

    public static string PasskeyNameLength => Get(nameof(PasskeyNameLength));

    private static string Get(string name) =>
        Resources.GetString(name, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"AccountText has no '{name}'.");
}
