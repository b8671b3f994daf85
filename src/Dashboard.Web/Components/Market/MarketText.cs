namespace Dashboard.Web.Components.Market;

/// <summary>Marker for the market screens' UI strings (MarketText.resx is Korean, MarketText.en.resx English).</summary>
public sealed class MarketText;
