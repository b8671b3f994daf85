namespace Dashboard.Web.Broker;

/// <summary>
/// Picks the address the server's own broker sessions use to reach the embedded simulator when none is
/// configured: an https entry when plain http is redirected to https (WebSockets do not follow redirects;
/// <see cref="OwnCertificatePin"/> accepts the server's own certificate), else a plain-http one.
/// </summary>
internal static class SimulatorLoopback
{
    /// <summary>
    /// The simulator base on the first entry of <paramref name="urls"/> (the host's <c>urls</c> setting,
    /// ';'-separated) with the wanted scheme, wildcard hosts turned into 127.0.0.1; null when there is none
    /// or its port is chosen at start (0), in which case the bound address is used later.
    /// </summary>
    public static string? Base(string? urls, string prefix, bool https)
    {
        foreach (var entry in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = entry.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Scheme == (https ? Uri.UriSchemeHttps : Uri.UriSchemeHttp) && uri.Port != 0)
            {
                return new Uri(uri, prefix.TrimEnd('/') + "/").ToString();
            }
        }

        return null;
    }
}
