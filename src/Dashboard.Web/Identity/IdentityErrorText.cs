namespace Dashboard.Web.Identity;

/// <summary>Marker for ASP.NET Core Identity's error texts (IdentityErrorText.resx is Korean, IdentityErrorText.en.resx English).</summary>
public sealed class IdentityErrorText;
