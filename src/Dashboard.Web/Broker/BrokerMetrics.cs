using System.Diagnostics.Metrics;

namespace Dashboard.Web.Broker;

/// <summary>
/// Meter "Dashboard.Broker": sessions, upstream sockets, realtime ticks in and live renders out. The
/// totals are also kept here for /healthz and tests.
/// </summary>
public sealed class BrokerMetrics : IDisposable
{
    public const string MeterName = "Dashboard.Broker";

    private readonly Meter meter;
    private readonly UpDownCounter<long> sessions;
    private readonly Counter<long> socketsOpened;
    private readonly Counter<long> ticks;
    private readonly Counter<long> renders;
    private long sessionCount;
    private long socketTotal;
    private long tickTotal;
    private long renderTotal;

    public BrokerMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        sessions = meter.CreateUpDownCounter<long>("dashboard.broker.sessions", description: "Open broker sessions (one upstream WebSocket each)");
        socketsOpened = meter.CreateCounter<long>("dashboard.broker.sockets.opened", description: "Upstream WebSocket connections established, reconnects included");
        ticks = meter.CreateCounter<long>("dashboard.broker.ticks", description: "Realtime events received from Kiwoom");
        renders = meter.CreateCounter<long>("dashboard.broker.renders", description: "Throttled renders of live components");
    }

    public long Sessions => Interlocked.Read(ref sessionCount);

    public long SocketsOpened => Interlocked.Read(ref socketTotal);

    public long Ticks => Interlocked.Read(ref tickTotal);

    public long Renders => Interlocked.Read(ref renderTotal);

    public void SessionOpened()
    {
        Interlocked.Increment(ref sessionCount);
        sessions.Add(1);
    }

    public void SessionClosed()
    {
        Interlocked.Decrement(ref sessionCount);
        sessions.Add(-1);
    }

    public void SocketOpened()
    {
        Interlocked.Increment(ref socketTotal);
        socketsOpened.Add(1);
    }

    public void Tick(string type)
    {
        Interlocked.Increment(ref tickTotal);
        ticks.Add(1, new KeyValuePair<string, object?>("type", type));
    }

    public void Rendered()
    {
        Interlocked.Increment(ref renderTotal);
        renders.Add(1);
    }

    public void Dispose() => meter.Dispose();
}
