namespace Dashboard.Web.Components.Elw;

/// <summary>Marker for the ELW screens' UI strings (ElwText.resx is Korean, ElwText.en.resx English).</summary>
public sealed class ElwText;
