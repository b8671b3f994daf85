using System.Diagnostics.Metrics;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>Counters for requests, errors, sockets and frames (meter "Dashboard.Kiwoom.Simulator").</summary>
public sealed class SimulatorMetrics : IDisposable
{
    public const string MeterName = "Dashboard.Kiwoom.Simulator";
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly UpDownCounter<long> _sockets;
    private readonly Counter<long> _frames;
    private long _requestTotal;
    private long _errorTotal;
    private long _socketCount;
    private long _frameTotal;

    public SimulatorMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("kiwoom.sim.requests", description: "REST requests answered");
        _errors = _meter.CreateCounter<long>("kiwoom.sim.errors", description: "REST answers with a non-zero return_code");
        _sockets = _meter.CreateUpDownCounter<long>("kiwoom.sim.sockets", description: "Open WebSocket sessions");
        _frames = _meter.CreateCounter<long>("kiwoom.sim.frames", description: "WebSocket frames sent");
    }

    public long Requests => Interlocked.Read(ref _requestTotal);

    public long Errors => Interlocked.Read(ref _errorTotal);

    public long Sockets => Interlocked.Read(ref _socketCount);

    public long Frames => Interlocked.Read(ref _frameTotal);

    public void Request(string apiId, int returnCode)
    {
        Interlocked.Increment(ref _requestTotal);
        _requests.Add(1, new KeyValuePair<string, object?>("api_id", apiId));
        if (returnCode != 0)
        {
            Interlocked.Increment(ref _errorTotal);
            _errors.Add(1, new KeyValuePair<string, object?>("api_id", apiId));
        }
    }

    public void SocketOpened()
    {
        Interlocked.Increment(ref _socketCount);
        _sockets.Add(1);
    }

    public void SocketClosed()
    {
        Interlocked.Decrement(ref _socketCount);
        _sockets.Add(-1);
    }

    public void FramesSent(long count)
    {
        Interlocked.Add(ref _frameTotal, count);
        _frames.Add(count);
    }

    public void Dispose() => _meter.Dispose();
}
