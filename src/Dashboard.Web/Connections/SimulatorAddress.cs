using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Connections;

/// <summary>Resolves the REST base address of simulator connections.</summary>
public sealed class SimulatorAddress(IOptions<SimulatorHostingOptions> options, IServer server)
{
    /// <summary>The configured address, else this server's first address with the simulator prefix; null when unknown.</summary>
    public Uri? Resolve()
    {
        var configured = options.Value.BaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured, UriKind.Absolute);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var root))
        {
            return null;
        }

        return new Uri(root, options.Value.Prefix.TrimEnd('/') + "/");
    }
}
