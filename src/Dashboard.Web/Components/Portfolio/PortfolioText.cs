namespace Dashboard.Web.Components.Portfolio;

/// <summary>Marker for the portfolio screen's UI strings (PortfolioText.resx is Korean, PortfolioText.en.resx English).</summary>
public sealed class PortfolioText;
