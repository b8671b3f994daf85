namespace Dashboard.Web.Components.Rankings;

/// <summary>Marker for the rankings, sectors and themes strings (RankingsText.resx is Korean, RankingsText.en.resx English).</summary>
public sealed class RankingsText;
