namespace Dashboard.Web.Components.Home;

/// <summary>Marker for the home screen's and the phone navigation's UI strings (HomeText.resx is Korean, HomeText.en.resx English).</summary>
public sealed class HomeText;
