namespace Dashboard.Web.Broker;

/// <summary>
/// A circuit's claim on a shared session. The session stays open while any lease is held and closes a
/// grace period after the last one is disposed.
/// </summary>
public sealed class BrokerLease : IAsyncDisposable
{
    private readonly BrokerSessionRegistry registry;
    private readonly BrokerSessionRegistry.Entry entry;
    private int disposed;

    internal BrokerLease(BrokerSessionRegistry registry, BrokerSessionRegistry.Entry entry)
    {
        this.registry = registry;
        this.entry = entry;
    }

    /// <summary>The session every circuit of this instance shares: local, or served by another instance (several instances).</summary>
    public IBrokerSession Shared => entry.Session;

    /// <summary>The local session (one instance, or this instance holds the key's upstream).</summary>
    public BrokerSession Session => entry.Local
        ?? throw new InvalidOperationException("This key's upstream session is held by another instance; use Shared.");

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            registry.Release(entry);
        }

        return ValueTask.CompletedTask;
    }
}
