using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// When a menu link is the active one, by the rules of Blazor's <see cref="NavLink"/> (.NET 10): <see cref="NavLinkMatch.All"/>
/// is the same address ignoring the query and fragment, <see cref="NavLinkMatch.Prefix"/> also any address under it at a
/// separator ("orders" matches "orders/123", not "ordersx"). NavMenuTests holds it to NavLink's own answers.
/// </summary>
internal static class NavMatch
{
    public static bool IsActive(NavigationManager navigation, string location, string href, NavLinkMatch match)
    {
        var target = navigation.ToAbsoluteUri(href).AbsoluteUri;
        var current = match == NavLinkMatch.All ? WithoutQueryAndFragment(location) : location;
        return SameOrWithTrailingSlash(current, target) || (match == NavLinkMatch.Prefix && StartsAtSeparator(current, target));
    }

    private static string WithoutQueryAndFragment(string uri)
    {
        var end = uri.IndexOfAny(['?', '#']);
        return end < 0 ? uri : uri[..end];
    }

    /// <summary>The router treats "host/path" as "host/path/", so a link to the latter is active at the former.</summary>
    private static bool SameOrWithTrailingSlash(string current, string target) =>
        string.Equals(current, target, StringComparison.OrdinalIgnoreCase)
        || (current.Length == target.Length - 1 && target[^1] == '/' && target.StartsWith(current, StringComparison.OrdinalIgnoreCase));

    private static bool StartsAtSeparator(string current, string prefix) =>
        current.Length > prefix.Length
        && current.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (prefix.Length == 0 || !char.IsLetterOrDigit(prefix[^1]) || !char.IsLetterOrDigit(current[prefix.Length]));
}
