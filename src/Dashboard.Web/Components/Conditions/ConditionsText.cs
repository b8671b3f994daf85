namespace Dashboard.Web.Components.Conditions;

/// <summary>Marker for the condition-search screen's UI strings (ConditionsText.resx is Korean, ConditionsText.en.resx English).</summary>
public sealed class ConditionsText;
