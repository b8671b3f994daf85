namespace Dashboard.Web.Components.Layout;

/// <summary>Marker for the account picker's UI strings (AccountPickerText.resx Korean, .en.resx English).</summary>
public sealed class AccountPickerText;
