using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>The real host with the embedded simulator and one member's open session, shared by the cases of a class.</summary>
public sealed class ExplorerHost : IAsyncLifetime
{
    public BrokerHost Host { get; } = new();

    public BrokerLease Lease { get; private set; } = default!;

    public IBrokerSession Session => Lease.Session;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        var (owner, connection) = await Host.NewMemberAsync();
        var opened = await Host.Registry.OpenAsync(owner, connection);
        Lease = opened.Lease ?? throw new InvalidOperationException($"No session: {opened.Failure} {opened.Message}");
    }

    public async Task DisposeAsync()
    {
        await Lease.DisposeAsync();
        await Host.DisposeAsync();
    }
}
