using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Time.Testing;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;

namespace Dashboard.Kiwoom.Tests.Realtime;

/// <summary>
/// The fast path's learnt layouts (<c>ValuesShape</c>) and its one-pass prefilter: whatever a frame looks like,
/// and whatever was seen before it, the result must equal the general <c>Utf8JsonReader</c> path's.
/// </summary>
public sealed class RealtimeFrameParserShapeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RepeatedLayoutIsReadThroughTheLearntShape()
    {
        var fast = new RealtimeFrameParser(_time);
        var frame = RealtimeFrames.Utf8(RealtimeFrames.TradeTick);

        var first = ParseWith(fast, frame);
        var second = ParseWith(fast, RealtimeFrames.Utf8(RealtimeFrames.TradeTick.Replace("\"-20800\"", "\"+123456789\"", StringComparison.Ordinal)));

        Assert.Equal(1, fast.ShapeEntries);
        Assert.Equal(Describe(General(frame)), first);
        var tick = TradeTick.From(Events(fast, RealtimeFrames.TradeTick.Replace("\"-20800\"", "\"+123456789\"", StringComparison.Ordinal)))!.Value;
        Assert.Equal(new SignedPrice(123456789, PriceDirection.Up), tick.Price);
        Assert.Contains("10=2B313233343536373839", second, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> LayoutChanges => new()
    {
        { "FID added at the end", Values("\"10\":\"-20800\",\"20\":\"165208\",\"311\":\"1\"") },
        { "FID removed", Values("\"10\":\"-20800\"") },
        { "FIDs reordered", Values("\"20\":\"165208\",\"10\":\"-20800\"") },
        { "spaces around the separators", Values(" \"10\" : \"-20800\" , \"20\" : \"165208\" ") },
        { "long keys (separators over eight bytes)", Values("\"10\":\"-20800\",\"20\":\"165208\",\"9001\":\"X\",\"65535\":\"\"") },
        { "duplicate FID", Values("\"10\":\"-20800\",\"20\":\"165208\",\"10\":\"+1\"") },
        { "empty values", Values("\"10\":\"\",\"20\":\"\"") },
        { "value longer than sixteen bytes", Values("\"10\":\"-20800\",\"20\":\"12345678901234567890123456789\"") },
        { "numeric value (general path)", Values("\"10\":-20800,\"20\":\"165208\"") },
        { "key that is not a FID (general path)", Values("\"10\":\"-20800\",\"x\":\"165208\"") },
        { "FID above 65535 (general path)", Values("\"10\":\"-20800\",\"65536\":\"1\"") },
        { "values before type (no shape)", """{"trnm":"REAL","data":[{"values":{"10":"-20800","20":"165208"},"type":"0B","item":"005930"}]}""" },
        { "two entries of one type", """{"trnm":"REAL","data":[{"type":"0B","item":"A","values":{"10":"1","20":"165208"}},{"type":"0B","item":"B","values":{"10":"2","20":"165209"}}]}""" },
        { "truncated in the last value", "{\"trnm\":\"REAL\",\"data\":[{\"type\":\"0B\",\"item\":\"005930\",\"values\":{\"10\":\"-20800\",\"20\":\"16" },
        { "no closing brace after the layout", "{\"trnm\":\"REAL\",\"data\":[{\"type\":\"0B\",\"item\":\"005930\",\"values\":{\"10\":\"-20800\",\"20\":\"165208\"" },
    };

    [Theory]
    [MemberData(nameof(LayoutChanges))]
    public void ChangedLayoutAfterALearntOneGivesTheGeneralPathsResult(string change, string frame)
    {
        var fast = new RealtimeFrameParser(_time);
        var learnt = Values("\"10\":\"-20800\",\"20\":\"165208\"");
        ParseWith(fast, RealtimeFrames.Utf8(learnt));

        // Twice: the first read learns the new layout, the second uses it.
        for (var round = 0; round < 2; round++)
        {
            var events = new List<RealtimeEvent>();
            var kind = fast.Parse(RealtimeFrames.Utf8(frame), events, out var problem);
            var expected = new List<RealtimeEvent>();
            var expectedKind = new RealtimeFrameParser(_time) { FastPathEnabled = false }.Parse(RealtimeFrames.Utf8(frame), expected, out var expectedProblem);

            Assert.True((expectedKind, expectedProblem, Describe(expected)) == (kind, problem, Describe(events)), $"{change}, round {round}");
        }

        // The learnt layout still works after the change.
        Assert.Equal(Describe(General(RealtimeFrames.Utf8(learnt))), ParseWith(fast, RealtimeFrames.Utf8(learnt)));
    }

    [Fact]
    public void EveryTypesFullSampleReadsTheSameThroughItsShape()
    {
        var fast = new RealtimeFrameParser(_time);
        foreach (var type in KiwoomCatalog.Default.Realtime.Types.Select(t => t.Type))
        {
            var frame = RealtimeFrames.Utf8(RealtimeFrameParserFastPathTests.UnescapedSample(type));
            var before = fast.ShapeEntries;

            Assert.Equal(Describe(General(frame)), ParseWith(fast, frame));
            Assert.Equal(Describe(General(frame)), ParseWith(fast, frame));
            Assert.True(fast.ShapeEntries == before + 1, $"type {type} did not use its learnt shape");
        }
    }

    [Fact]
    public void AnEntryWithThousandsOfFidsIsReadButItsLayoutIsNotLearnt()
    {
        // Descending FIDs: the worst order for sorting, and far more than any real type carries.
        var values = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"{60000 - i}\":\"{i}\""));
        var frame = RealtimeFrames.Utf8(Values(values));
        var fast = new RealtimeFrameParser(_time);

        Assert.Equal(Describe(General(frame)), ParseWith(fast, frame));
        Assert.Equal(Describe(General(frame)), ParseWith(fast, frame));
        Assert.Equal(0, fast.ShapeEntries);
        Assert.Equal(2, fast.FastPathFrames);
    }

    [Fact]
    public void EveryBytePositionOfAnOddByteAgreesWithTheGeneralPath()
    {
        // The prefilter looks at 16 bytes at a time and then at the tail one by one: put each odd byte at every
        // position so that both parts, and every place inside a block, see it.
        byte[][] oddBytes = [[(byte)'\\'], [0x0A], [0x1F], [0xFF], [0xC3], [0xE2, 0x82], [0xC3, 0xA9], [(byte)'"']];
        var original = RealtimeFrames.Utf8(RealtimeFrames.TradeTick);
        var fast = new RealtimeFrameParser(_time);
        var general = new RealtimeFrameParser(_time) { FastPathEnabled = false };
        var cases = 0;
        foreach (var odd in oddBytes)
        {
            for (var at = 0; at <= original.Length; at++)
            {
                byte[] frame = [.. original.AsSpan(0, at), .. odd, .. original.AsSpan(at)];
                var fastEvents = new List<RealtimeEvent>();
                var generalEvents = new List<RealtimeEvent>();
                var fastKind = fast.Parse(frame, fastEvents, out var fastProblem);
                var generalKind = general.Parse(frame, generalEvents, out var generalProblem);

                Assert.True(
                    (generalKind, generalProblem, Describe(generalEvents)) == (fastKind, fastProblem, Describe(fastEvents)),
                    $"{Convert.ToHexString(odd)} inserted at {at}");
                cases++;
            }
        }

        Assert.Equal(oddBytes.Length * (original.Length + 1), cases);
    }

    private static string Values(string values) =>
        """{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{""" + values + "}}]}";

    private List<RealtimeEvent> General(byte[] frame)
    {
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser(_time) { FastPathEnabled = false }.Parse(frame, events, out _);
        return events;
    }

    private static string ParseWith(RealtimeFrameParser parser, byte[] frame)
    {
        var events = new List<RealtimeEvent>();
        parser.Parse(frame, events, out _);
        return Describe(events);
    }

    private static RealtimeEvent Events(RealtimeFrameParser parser, string frame)
    {
        var events = new List<RealtimeEvent>();
        parser.Parse(RealtimeFrames.Utf8(frame), events, out _);
        return Assert.Single(events);
    }

    private static string Describe(List<RealtimeEvent> events) => RealtimeFrameParserFastPathTests.Describe(events);
}
