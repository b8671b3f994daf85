namespace Dashboard.Web.Components.Etf;

/// <summary>Marker for the ETF screens' UI strings (EtfText.resx is Korean, EtfText.en.resx English).</summary>
public sealed class EtfText;
