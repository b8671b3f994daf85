namespace Dashboard.Web.Components.Vi;

/// <summary>Marker for the VI alerts' UI strings (ViText.resx is Korean, ViText.en.resx English).</summary>
public sealed class ViText;
