namespace Dashboard.Web.Security;

/// <summary>
/// Decides whether a <c>returnUrl</c> stays on this site. Anything else falls back to the home page
/// instead of failing: <c>LocalRedirect</c> and <c>NavigationManager.ToBaseRelativePath</c> throw on a
/// foreign address, which turned a crafted link into a 500 (and a 500 is no better than an open redirect).
/// </summary>
public static class LocalUrl
{
    /// <summary>
    /// True for an app-rooted path (<c>/x</c>, <c>~/x</c>) that browsers cannot read as another host:
    /// not <c>//host</c>, not <c>/\host</c> (browsers treat <c>\</c> as <c>/</c>), no control characters.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        var rest = url[0] == '/' ? url.AsSpan(1)
            : url.Length > 1 && url[0] == '~' && url[1] == '/' ? url.AsSpan(2)
            : null;
        if (rest.IsEmpty)
        {
            return url is "/" or "~/";
        }

        return rest[0] is not ('/' or '\\') && !HasControlCharacter(rest);
    }

    /// <summary>The url when <see cref="IsLocal"/>, otherwise the home page <c>/</c>.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>
    /// True for a path relative to the app's base (<c>Account/Manage</c>, <c>market?x=1</c>): no scheme,
    /// no backslash, not protocol-relative, no control characters.
    /// </summary>
    public static bool IsBaseRelative(string url)
    {
        if (url.Length == 0)
        {
            return true;
        }

        if (url[0] == '/' || url.Contains('\\', StringComparison.Ordinal) || HasControlCharacter(url))
        {
            return false;
        }

        var end = url.AsSpan().IndexOfAny('/', '?', '#');
        var firstSegment = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        return !firstSegment.Contains(':');
    }

    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
