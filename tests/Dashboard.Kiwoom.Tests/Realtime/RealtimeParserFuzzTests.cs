using System.Diagnostics;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class RealtimeParserFuzzTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void HundredThousandMalformedFramesNeitherThrowNorHang()
    {
        var seeds = KiwoomCatalog.Default.Realtime.Types.Select(t => RealtimeFrames.Utf8(RealtimeFrames.FullSample(t.Type)))
            .Append(RealtimeFrames.Utf8(RealtimeFrames.TradeTick))
            .Append(RealtimeFrames.Utf8("""{"trnm":"CNSRREQ","seq":"4","cont_yn":"Y","next_key":"k","return_code":0,"data":[{"9001":"A005930","10":"000075000"}]}"""))
            .Append(RealtimeFrames.Utf8("""{"trnm":"CNSRLST","return_code":0,"data":[["0","조건1"],["1","조건2"]]}"""))
            .Append(RealtimeFrames.Utf8("""{"trnm":"LOGIN","return_code":"3","return_msg":"x [CODE=8005, MESSAGE=y]"}"""))
            .ToArray();
        var random = new Random(20260101);
        var parser = new RealtimeFrameParser();
        var events = new List<RealtimeEvent>();
        var kinds = new int[Enum.GetValues<RealtimeMessageKind>().Length];
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Iterations; i++)
        {
            var frame = Mutate(seeds[random.Next(seeds.Length)], random, i);
            events.Clear();
            var kind = parser.Parse(frame, events, out _);
            kinds[(int)kind]++;
            foreach (var e in events)
            {
                _ = TradeTick.From(e);
                _ = OrderBook.From(e);
                if (i % 10 == 0)
                {
                    _ = RealtimeFields.ReadAll(e).Count();
                }
            }

            // As in the client: whatever is not REAL or PING goes on to the control-message reader.
            if (kind is not RealtimeMessageKind.Real and not RealtimeMessageKind.Ping)
            {
                _ = RealtimeControlMessage.TryParse(frame, out _, out _);
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"Fuzzing stalled after {i} frames.");
        }

        // The mutations must actually exercise both paths, or the test proves nothing.
        Assert.True(kinds[(int)RealtimeMessageKind.Malformed] > Iterations / 4);
        Assert.True(kinds[(int)RealtimeMessageKind.Real] > Iterations / 20);
    }

    internal static byte[] Mutate(byte[] seed, Random random, int i)
    {
        switch (i % 6)
        {
            case 0:
                return seed[..random.Next(seed.Length)];
            case 1:
                var flipped = (byte[])seed.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case 2:
                var at = random.Next(seed.Length);
                var noise = new byte[random.Next(1, 16)];
                random.NextBytes(noise);
                return [.. seed[..at], .. noise, .. seed[at..]];
            case 3 when i % 60 == 3:
                // Oversized (a 70 KB value) or nested past the depth limit; rarer, they are slow to build.
                return random.Next(2) == 0
                    ? RealtimeFrames.Utf8("{\"trnm\":\"REAL\",\"data\":[{\"type\":\"0B\",\"item\":\"1\",\"values\":{\"10\":\"" + new string('9', 70_000 + random.Next(1000)) + "\"}}]}")
                    : RealtimeFrames.Utf8(new string('[', 5000) + new string(']', 5000));
            case 3:
                return [.. seed, .. seed];
            case 4:
                var cut = (byte[])seed.Clone();
                var from = random.Next(cut.Length);
                Array.Fill(cut, (byte)'"', from, Math.Min(3, cut.Length - from));
                return cut;
            default:
                // Unmodified seeds keep the REAL path busy between the broken ones.
                return seed;
        }
    }
}
