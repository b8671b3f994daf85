using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Time.Testing;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class RealtimeFrameParserFastPathTests
{
    private const int Iterations = 30_000;

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void FastPathGivesTheSameResultAsTheGeneralPathOnMutatedFrames()
    {
        var seeds = KiwoomCatalog.Default.Realtime.Types.Select(t => RealtimeFrames.Utf8(UnescapedSample(t.Type)))
            .Append(RealtimeFrames.Utf8(RealtimeFrames.TradeTick))
            .Append(RealtimeFrames.Utf8(RealtimeFrames.ManyTicks(3)))
            .Append(RealtimeFrames.Utf8(SimulatorShaped))
            .ToArray();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
        var fast = new RealtimeFrameParser(time);
        var general = new RealtimeFrameParser(time) { FastPathEnabled = false };
        var random = new Random(20261126);
        var fastEvents = new List<RealtimeEvent>();
        var generalEvents = new List<RealtimeEvent>();

        for (var i = 0; i < Iterations; i++)
        {
            var frame = RealtimeParserFuzzTests.Mutate(seeds[random.Next(seeds.Length)], random, i);
            fastEvents.Clear();
            generalEvents.Clear();
            var fastKind = fast.Parse(frame, fastEvents, out var fastProblem);
            var generalKind = general.Parse(frame, generalEvents, out var generalProblem);

            Assert.Equal(generalKind, fastKind);
            Assert.Equal(generalProblem, fastProblem);
            Assert.Equal(Describe(generalEvents), Describe(fastEvents));
        }

        // Both outcomes of the fast scan must be exercised: taken and given up.
        Assert.InRange(fast.FastPathFrames, Iterations / 10, Iterations - (Iterations / 10));
        Assert.Equal(0, general.FastPathFrames);

        // Learnt layouts must be exercised too (counted per entry read through one, even in frames given up later).
        Assert.True(fast.ShapeEntries > Iterations / 20, $"only {fast.ShapeEntries} entries used a learnt layout");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EmitTimeOfTheSimulatorIsCarriedOnBothPaths(bool fastPath)
    {
        var parser = new RealtimeFrameParser { FastPathEnabled = fastPath };
        var events = new List<RealtimeEvent>();
        var plain = "{\"trnm\":\"REAL\",\"data\":[{\"type\":\"0B\",\"name\":\"x\",\"item\":\"005930\",\"values\":{\"10\":\"1\"}}]}";

        parser.Parse(RealtimeFrames.Utf8(SimulatorShaped), events, out _);
        parser.Parse(RealtimeFrames.Utf8(plain), events, out _);
        parser.Parse(RealtimeFrames.Utf8(plain.Replace("\"item\"", "\"emit_ts\":\"12x\",\"item\"", StringComparison.Ordinal)), events, out _);

        Assert.Equal(3, events.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795654800000), events[0].EmittedAt);
        Assert.Null(events[1].EmittedAt);
        Assert.Null(events[2].EmittedAt);
        Assert.Equal(fastPath ? 3 : 0, parser.FastPathFrames);
    }

    [Fact]
    public void SimulatorFrameWithSpacesAndExtraFieldTakesTheFastPath()
    {
        var parser = new RealtimeFrameParser();
        var events = new List<RealtimeEvent>();

        var kind = parser.Parse(RealtimeFrames.Utf8(SimulatorShaped), events, out var problem);

        Assert.Equal(RealtimeMessageKind.Real, kind);
        Assert.Null(problem);
        Assert.Equal(1, parser.FastPathFrames);
        var e = Assert.Single(events);
        Assert.Equal(("0B", "주식체결", "005930"), (e.Type, e.Name, e.Item));
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), TradeTick.From(e)!.Value.Price);
        Assert.Equal("165208", e.Values.GetString(20));
    }

    [Theory]
    [InlineData("""{"trnm":"REAL","data":[{"type":"0B","name":"\uc8fc\uc2dd\uccb4\uacb0","item":"005930","values":{"10":"-20800"}}]}""")]
    [InlineData("""{"data":[{"type":"0B","name":"주식체결","item":"005930","values":{"10":"-20800"}}],"trnm":"REAL"}""")]
    [InlineData("""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"10":-20800}}]}""")]
    [InlineData("""{"trnm":"REAL","data":[{"type":"0B","type":"0B","name":"주식체결","item":"005930","values":{"10":"-20800"}}]}""")]
    [InlineData("{\"trnm\":\"REAL\",\n\t\"data\":[{\"type\":\"0B\",\"name\":\"주식체결\",\"item\":\"005930\",\"values\":{\"10\":\"-20800\"}}]}")]
    public void UnusualShapesFallBackToTheGeneralPathAndStillParse(string frame)
    {
        var parser = new RealtimeFrameParser();
        var events = new List<RealtimeEvent>();

        var kind = parser.Parse(RealtimeFrames.Utf8(frame), events, out var problem);

        Assert.Equal(RealtimeMessageKind.Real, kind);
        Assert.Null(problem);
        Assert.Equal(0, parser.FastPathFrames);
        var e = Assert.Single(events);
        Assert.Equal("주식체결", e.Name);
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), TradeTick.From(e)!.Value.Price);
    }

    [Fact]
    public void BadFieldIdInAnOtherwiseFastFrameIsReportedByTheGeneralPath()
    {
        var parser = new RealtimeFrameParser();
        var events = new List<RealtimeEvent>();

        var kind = parser.Parse(RealtimeFrames.Utf8("""{"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"10":"1","x":"2"}}]}"""), events, out var problem);

        Assert.Equal(RealtimeMessageKind.Real, kind);
        Assert.Equal("A REAL value has a key that is not a field id.", problem);
        Assert.Equal(0, parser.FastPathFrames);
        Assert.Equal(1, Assert.Single(events).Values.Count);
    }

    [Fact]
    public void TickFromAnEmptyValuesTableHasNoFields()
    {
        var tick = TradeTick.From(new RealtimeEvent(RealtimeTypes.Trade, "주식체결", "005930", default, DateTimeOffset.UnixEpoch))!.Value;

        Assert.Equal(("005930", null, null, ChangeSignCode.Unknown), (tick.Item, tick.Price, tick.Time, tick.Sign));
    }

    private const string SimulatorShaped =
        "{ \"trnm\" : \"REAL\", \"data\" : [ {\"type\":\"0B\",\"name\":\"주식체결\",\"item\":\"005930\",\"emit_ts\":\"1795654800000\", "
        + " \"values\":{\"10\":\"-20800\",\"20\":\"165208\",\"10\":\"-20800\",\"9\":\"\"} } ] }";

    internal static string UnescapedSample(string type)
    {
        var spec = KiwoomCatalog.Default.RealtimeByType[type];
        var values = spec.Fields.ToDictionary(f => f.Fid, f => f.Sample ?? "");
        var entry = new Dictionary<string, object> { ["type"] = type, ["name"] = spec.NameKo, ["item"] = "005930", ["values"] = values };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["trnm"] = "REAL", ["data"] = new[] { entry } }, Unescaped);
    }

    internal static string Describe(List<RealtimeEvent> events) =>
        string.Join('\n', events.Select(e =>
            $"{e.Type}|{e.Name}|{e.Item}|{e.ReceivedAt:O}|{e.EmittedAt:O}|"
            + string.Join(',', Enumerable.Range(0, e.Values.Count).Select(i => $"{e.Values.FidAt(i)}={Convert.ToHexString(e.Values.Utf8At(i))}"))));
}
