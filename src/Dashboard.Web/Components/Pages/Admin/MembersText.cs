namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>Marker for the members page's invitation strings (MembersText.resx is Korean, MembersText.en.resx English).</summary>
public sealed class MembersText;
