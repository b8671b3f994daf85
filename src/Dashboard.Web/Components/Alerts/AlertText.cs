namespace Dashboard.Web.Components.Alerts;

/// <summary>Marker for the alert screens' UI strings (AlertText.resx is Korean, AlertText.en.resx English).</summary>
public sealed class AlertText;
