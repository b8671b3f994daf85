using System.Globalization;
using System.Resources;

namespace Dashboard.Web.Localization;

/// <summary>
/// Validation messages in the current UI language, for data annotations
/// (<c>ErrorMessageResourceType = typeof(ValidationText)</c>) and for server-side checks alike.
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Resources = new("Dashboard.Web.Localization.SharedResource", typeof(ValidationText).Assembly);

    public static string LabelRequired => Get(nameof(LabelRequired));

    public static string LabelTooLong => Get(nameof(LabelTooLong));

    public static string KeyTooLong => Get(nameof(KeyTooLong));

    public static string KeyCharacters => Get(nameof(KeyCharacters));

    public static string AppKeyRequired => Get(nameof(AppKeyRequired));

    public static string SecretKeyRequired => Get(nameof(SecretKeyRequired));

    public static string EnvironmentInvalid => Get(nameof(EnvironmentInvalid));

    public static string TooManyConnections => Get(nameof(TooManyConnections));

    public static string ConnectionNotFound => Get(nameof(ConnectionNotFound));

    private static string Get(string name) =>
        Resources.GetString(name, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"Missing resource '{name}'.");
}
