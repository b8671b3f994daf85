using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// MudIcon's markup for a Material icon at the default size without the component, for menus every circuit holds. One
/// string per icon and class for the whole process, so circuits share it. NavMenuTests compares it with MudIcon's own.
/// </summary>
internal static class IconMarkup
{
    /// <summary>MudIcon with its defaults, as in the bottom bar.</summary>
    public const string Plain = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    /// <summary>The icon of a MudNavLink (Color.Default and the nav link's own classes).</summary>
    public const string NavLink = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    private static readonly ConcurrentDictionary<(string Icon, string Class), MarkupString> Cache = new();

    public static MarkupString Svg(string icon, string cssClass = Plain) => Cache.GetOrAdd((icon, cssClass), static key => new MarkupString(
        $"<svg class=\"{key.Class}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
