namespace Dashboard.Web.Localization;

/// <summary>Marker for the shared UI strings (SharedResource.resx is Korean, SharedResource.en.resx English).</summary>
public sealed class SharedResource;
