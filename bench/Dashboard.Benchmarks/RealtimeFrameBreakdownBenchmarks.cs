using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Benchmarks;

/// <summary>
/// Where the time of <see cref="RealtimeFrameBenchmarks.Utf8JsonReaderParser"/> goes: the same 20-FID 0B frame,
/// one stage at a time. Not a target of its own; it tells the next optimisation where to look.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob(RuntimeMoniker.Net10_0)]
public class RealtimeFrameBreakdownBenchmarks
{
    private readonly RealtimeFrameParser _parser = new();
    private readonly List<RealtimeEvent> _events = new(4);
    private byte[] _frame = [];
    private RealtimeEvent _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _frame = Encoding.UTF8.GetBytes(BenchmarkFrames.Trade20);
        _parser.Parse(_frame, _events, out _);
        _parsed = _events[0];
    }

    [Benchmark(Description = "Prefilter (escapes, controls, UTF-8)")]
    public bool Prefilter() => FramePrefilter.IsPlainUtf8(_frame);

    [Benchmark(Description = "Receive clock (TimeProvider.System)")]
    public DateTimeOffset Clock() => TimeProvider.System.GetUtcNow();

    [Benchmark(Description = "Parse (frame -> RealtimeEvent)")]
    public int ParseOnly()
    {
        _events.Clear();
        _parser.Parse(_frame, _events, out _);
        return _events.Count;
    }

    [Benchmark(Description = "Map (RealtimeEvent -> TradeTick)")]
    public long MapOnly()
    {
        TradeTick.TryFrom(_parsed, out var tick);
        return tick.Price!.Value.Value ?? 0;
    }
}
