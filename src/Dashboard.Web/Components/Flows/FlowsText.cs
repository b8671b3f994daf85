namespace Dashboard.Web.Components.Flows;

/// <summary>Marker for the flows screen's (and the TR panels') UI strings (FlowsText.resx is Korean, FlowsText.en.resx English).</summary>
public sealed class FlowsText;
