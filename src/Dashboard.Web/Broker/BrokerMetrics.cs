using System.Diagnostics.Metrics;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// Meter "Dashboard.Broker": sessions, upstream sockets, realtime ticks in and live renders out. The
/// totals are also kept here for /healthz and tests. The latency histograms follow one tick: emitted by
/// the sender (only the simulator says when), t1 frame received, t2 parsed into a page value, t3 render
/// requested by the page, t4 render batch built and handed to the circuit's connection.
/// </summary>
public sealed class BrokerMetrics : IDisposable
{
    public const string MeterName = "Dashboard.Broker";

    private readonly Meter meter;
    private readonly UpDownCounter<long> sessions;
    private readonly Counter<long> socketsOpened;
    private readonly Counter<long> ticks;
    private readonly Counter<long> renders;
    private readonly Histogram<double> emitToReceive;
    private readonly Histogram<double> receiveToParse;
    private readonly Histogram<double> receiveToRenderRequest;
    private readonly Histogram<double> receiveToRenderSent;
    private readonly Histogram<double> emitToRenderSent;
    private readonly TimeProvider time;
    private long sessionCount;
    private long socketTotal;
    private long tickTotal;
    private long renderTotal;

    public BrokerMetrics(IMeterFactory meterFactory, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        meter = meterFactory.Create(MeterName);
        sessions = meter.CreateUpDownCounter<long>("dashboard.broker.sessions", description: "Open broker sessions (one upstream WebSocket each)");
        socketsOpened = meter.CreateCounter<long>("dashboard.broker.sockets.opened", description: "Upstream WebSocket connections established, reconnects included");
        ticks = meter.CreateCounter<long>("dashboard.broker.ticks", description: "Realtime events received from Kiwoom");
        renders = meter.CreateCounter<long>("dashboard.broker.renders", description: "Throttled renders of live components");
        emitToReceive = meter.CreateHistogram<double>(EmitToReceive, "ms", "Sender's emit time to frame received (t1), when the sender stamps frames");
        receiveToParse = meter.CreateHistogram<double>(ReceiveToParse, "ms", "Frame received (t1) to value mapped for a live feed (t2)");
        receiveToRenderRequest = meter.CreateHistogram<double>(ReceiveToRenderRequest, "ms", "Frame received (t1) to render requested by the page (t3)");
        receiveToRenderSent = meter.CreateHistogram<double>(ReceiveToRenderSent, "ms", "Oldest frame received (t1) of a render to its batch built and sent (t4)");
        emitToRenderSent = meter.CreateHistogram<double>(EmitToRenderSent, "ms", "Oldest emit time of a render to its batch built and sent (t4)");
    }

    public const string EmitToReceive = "dashboard.live.emit_to_receive";
    public const string ReceiveToParse = "dashboard.live.receive_to_parse";
    public const string ReceiveToRenderRequest = "dashboard.live.receive_to_render_request";
    public const string ReceiveToRenderSent = "dashboard.live.receive_to_render_sent";
    public const string EmitToRenderSent = "dashboard.live.emit_to_render_sent";

    /// <summary>The clock the latencies are measured on (the realtime client stamps frames with the same one).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

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

    /// <summary>Counts a realtime event and, when the sender stamped it, how long it took to arrive.</summary>
    public void Tick(RealtimeEvent e)
    {
        Tick(e.Type);
        if (e.EmittedAt is { } emitted && emitToReceive.Enabled)
        {
            emitToReceive.Record(Milliseconds(e.ReceivedAt - emitted));
        }
    }

    /// <summary>t2: a received event became a value of a live feed.</summary>
    public void Parsed(DateTimeOffset receivedAt)
    {
        if (receiveToParse.Enabled)
        {
            receiveToParse.Record(Milliseconds(Now - receivedAt));
        }
    }

    /// <summary>t3: a page asked to render values received at <paramref name="receivedAt"/>.</summary>
    public void RenderRequested(DateTimeOffset receivedAt)
    {
        if (receiveToRenderRequest.Enabled)
        {
            receiveToRenderRequest.Record(Milliseconds(Now - receivedAt));
        }
    }

    /// <summary>t4: a render batch carrying values received (and emitted) no earlier than these was built and sent.</summary>
    public void RenderSent(DateTimeOffset oldestReceivedAt, DateTimeOffset? oldestEmittedAt)
    {
        var now = Now;
        if (receiveToRenderSent.Enabled)
        {
            receiveToRenderSent.Record(Milliseconds(now - oldestReceivedAt));
        }

        if (oldestEmittedAt is { } emitted && emitToRenderSent.Enabled)
        {
            emitToRenderSent.Record(Milliseconds(now - emitted));
        }
    }

    public void Rendered()
    {
        Interlocked.Increment(ref renderTotal);
        renders.Add(1);
    }

    public void Dispose() => meter.Dispose();

    private static double Milliseconds(TimeSpan span) => span.TotalMilliseconds;
}
