namespace Dashboard.Web.Components.Explorer;

/// <summary>Marker for the API explorer's UI strings (ExplorerText.resx is Korean, ExplorerText.en.resx English).</summary>
public sealed class ExplorerText;
