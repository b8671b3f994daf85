namespace Dashboard.Web.Localization;

/// <summary>Marker for the account pages' UI strings (AccountText.resx is Korean, AccountText.en.resx English).</summary>
public sealed class AccountText;
