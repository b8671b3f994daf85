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

    public BrokerSession Session => entry.Session;

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            registry.Release(entry);
        }

        return ValueTask.CompletedTask;
    }
}
