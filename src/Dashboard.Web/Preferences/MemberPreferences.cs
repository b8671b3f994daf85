namespace Dashboard.Web.Preferences;

/// <summary>The shell settings a member saves: language, colour convention and theme.</summary>
public sealed record MemberPreferences(string Culture, bool FlipPriceColors, bool DarkMode)
{
    public static readonly MemberPreferences Default = new(Data.DashboardCultures.Default, false, false);
}
