namespace Dashboard.Web.Market.Polling;

/// <summary>Marker for the polling status strings (PollingText.resx is Korean, PollingText.en.resx English).</summary>
public sealed class PollingText;
