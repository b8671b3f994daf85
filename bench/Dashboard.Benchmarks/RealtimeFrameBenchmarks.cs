using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Realtime;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Benchmarks;

/// <summary>
/// QUALITY.md M1: parse a REAL 0B frame and map it to a typed tick, against the naive way
/// (reflection JsonSerializer into a dictionary of strings, then string parsing).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob(RuntimeMoniker.Net10_0)]
public class RealtimeFrameBenchmarks
{
    private readonly RealtimeFrameParser _parser = new();
    private readonly List<RealtimeEvent> _events = new(4);
    private byte[] _frame = [];

    /// <summary>"20 FIDs": the QUALITY.md frame; "43 FIDs": every FID of the official 0B sample.</summary>
    [Params("20 FIDs", "43 FIDs")]
    public string Frame { get; set; } = "20 FIDs";

    [GlobalSetup]
    public void Setup() => _frame = Encoding.UTF8.GetBytes(Frame == "20 FIDs" ? BenchmarkFrames.Trade20 : BenchmarkFrames.FullTrade());

    [Benchmark(Baseline = true)]
    public long NaiveReflectionDictionary()
    {
        var frame = JsonSerializer.Deserialize<NaiveFrame>(_frame)!;
        var values = frame.Data[0].Values;
        var price = values["10"];
        var direction = price[0] switch { '+' => PriceDirection.Up, '-' => PriceDirection.Down, _ => PriceDirection.Flat };
        var tick = new TradeTick(
            frame.Data[0].Item,
            TimeOnly.ParseExact(values["20"], "HHmmss", System.Globalization.CultureInfo.InvariantCulture),
            new SignedPrice(long.Parse(price.TrimStart('+', '-', ' '), System.Globalization.CultureInfo.InvariantCulture), direction),
            long.Parse(values["11"], System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(values["12"], System.Globalization.CultureInfo.InvariantCulture),
            (ChangeSignCode)int.Parse(values["25"], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(values["15"], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(values["13"], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(values["14"], System.Globalization.CultureInfo.InvariantCulture),
            Naive(values["16"]), Naive(values["17"]), Naive(values["18"]), Naive(values["27"]), Naive(values["28"]),
            decimal.Parse(values["228"], System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow);
        return tick.Price!.Value.Value ?? 0;
    }

    [Benchmark]
    public long Utf8JsonReaderParser()
    {
        _events.Clear();
        _parser.Parse(_frame, _events, out _);
        TradeTick.TryFrom(_events[0], out var tick);
        return tick.Price!.Value.Value ?? 0;
    }

    private static SignedPrice Naive(string raw) =>
        new(long.Parse(raw.TrimStart('+', '-', ' '), System.Globalization.CultureInfo.InvariantCulture),
            raw[0] switch { '+' => PriceDirection.Up, '-' => PriceDirection.Down, _ => PriceDirection.Flat });

    public sealed class NaiveFrame
    {
        [System.Text.Json.Serialization.JsonPropertyName("trnm")]
        public string Trnm { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("data")]
        public List<NaiveEntry> Data { get; set; } = [];
    }

    public sealed class NaiveEntry
    {
        [System.Text.Json.Serialization.JsonPropertyName("type")]
        public string Type { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("name")]
        public string Name { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("item")]
        public string Item { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("values")]
        public Dictionary<string, string> Values { get; set; } = [];
    }
}
