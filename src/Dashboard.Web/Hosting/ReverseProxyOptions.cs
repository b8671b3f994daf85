using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Settings under "Dashboard:ReverseProxy": which proxies (nginx, Caddy) that terminate TLS in front of the
/// dashboard are trusted to report the client address and scheme in X-Forwarded-For / X-Forwarded-Proto.
/// A proxy on this machine (loopback) is trusted without configuration; any other must be listed.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "Dashboard:ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation (for example 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
