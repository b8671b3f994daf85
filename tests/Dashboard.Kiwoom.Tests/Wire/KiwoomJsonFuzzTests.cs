using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;
using Xunit.Abstractions;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class KiwoomJsonFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 100_000;
    private const int Seed = 20_251_126;
    private const int FieldsPerObject = 6;

    private static readonly string[] Samples =
        ["+12345", "-20800", " 67300", "0", "000000017598258", "+0.57", "-0.24", "20250908", "130747", "13:20:37",
         "20241107083713", "A005930", "005930_NX", "00680K", "2", "5", "", "삼성전자", "1307470", "+3", "N"];

    private static readonly string[] Fragments =
        ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "1e999", "-", "\"\\u00\"", "{}", "[]", "\"\\uD800\"", "0000", "\u0000", "{\"a\":"];

    private delegate bool Decoder(byte[] body, string apiId, List<WireWarning> warnings);

    [Fact]
    public async Task MalformedTruncatedAndOversizedBodiesNeverThrowOrHang()
    {
        var bodyRandom = new Random(Seed);
        var targets = KiwoomApis.All
            .SelectMany(d => Enumerable.Range(0, 4).Select(_ => (d.Id, Decode: CreateDecoder(d.ResponseType), Body: ValidBody(d.Id, bodyRandom))))
            .ToArray();
        var counts = new int[2];
        var stopwatch = Stopwatch.StartNew();

        var run = Task.Run(() =>
        {
            var random = new Random(Seed);
            var warnings = new List<WireWarning>();
            for (var i = 0; i < Iterations; i++)
            {
                var (id, decode, body) = targets[random.Next(targets.Length)];
                var input = Mutate(body, random);
                warnings.Clear();
                counts[decode(input, id, warnings) ? 0 : 1]++;
            }
        });

        // A generous bound that only a hang would exceed; the measured time is printed, not asserted.
        await run.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"{Iterations} bodies in {stopwatch.Elapsed.TotalSeconds:F1} s: {counts[0]} decoded, {counts[1]} rejected as Decode errors");
        Assert.Equal(Iterations, counts[0] + counts[1]);
        Assert.True(counts[0] > 0 && counts[1] > 0, "the mutations should produce both decodable and broken bodies");
    }

    [Fact]
    public void EveryValidSampleBodyDecodes()
    {
        Assert.All(KiwoomApis.All, d =>
        {
            var body = ValidBody(d.Id, new Random(Seed));
            Assert.True(CreateDecoder(d.ResponseType)(body, d.Id, []), d.Id);
        });
    }

    private static Decoder CreateDecoder(Type responseType) =>
        typeof(KiwoomJsonFuzzTests).GetMethod(nameof(DecodeAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(responseType)
            .CreateDelegate<Decoder>();

    private static bool DecodeAs<T>(byte[] body, string apiId, List<WireWarning> warnings)
        where T : KiwoomResponse =>
        KiwoomJson.Decode<T>(body, apiId, warnings).IsSuccess;

    private static byte[] ValidBody(string apiId, Random random)
    {
        var body = Fill(KiwoomCatalog.Default.ById[apiId].Response, random, depth: 0);
        body["return_code"] = 0;
        body["return_msg"] = "정상적으로 처리되었습니다";
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>
    /// A body with a random handful of the TR's fields (every list among them): small bodies keep
    /// 100,000 decodes within seconds, and across the run every field is still exercised.
    /// </summary>
    private static JsonObject Fill(IReadOnlyList<CatalogField> fields, Random random, int depth)
    {
        var node = new JsonObject();
        foreach (var field in fields.Where(f => f.IsList || random.Next(fields.Count) < FieldsPerObject))
        {
            if (field.IsList && field.Fields is { Count: > 0 } && depth < 2)
            {
                var rows = new JsonArray();
                for (var i = random.Next(1, 3); i > 0; i--)
                {
                    rows.Add(Fill(field.Fields, random, depth + 1));
                }

                node[field.Name] = rows;
            }
            else if (!field.IsList && !field.IsObject)
            {
                node[field.Name] = Samples[random.Next(Samples.Length)];
            }
        }

        return node;
    }

    private static byte[] Mutate(byte[] body, Random random)
    {
        // Per mille: oversized bodies are rare because each costs as much as a thousand small ones.
        switch (random.Next(1000))
        {
            case < 250:
                return body[..random.Next(body.Length + 1)];
            case < 500:
                var flipped = (byte[])body.Clone();
                for (var n = random.Next(1, 6); n > 0 && flipped.Length > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case < 750:
                var at = random.Next(body.Length + 1);
                var fragment = Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]);
                return [.. body.AsSpan(0, at), .. fragment, .. body.AsSpan(at)];
            case < 900:
                return SwapValue(body, random);
            case < 998:
                var noise = new byte[random.Next(64)];
                random.NextBytes(noise);
                return noise;
            default:
                return Oversize(body, random);
        }
    }

    /// <summary>Replaces one string value with another kind of token.</summary>
    private static byte[] SwapValue(byte[] body, Random random)
    {
        string[] replacements = ["{}", "[]", "null", "true", "1e999", "-0", "{\"x\":[1,{}]}", "\"\\u0000\"", "12345678901234567890123"];
        var text = Encoding.UTF8.GetString(body);
        var colon = text.IndexOf(":\"", random.Next(text.Length), StringComparison.Ordinal);
        if (colon < 0)
        {
            return body;
        }

        var end = text.IndexOf('"', colon + 2);
        return end < 0 ? body : Encoding.UTF8.GetBytes(text[..(colon + 1)] + replacements[random.Next(replacements.Length)] + text[(end + 1)..]);
    }

    private static byte[] Oversize(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        return random.Next(3) switch
        {
            0 => Encoding.UTF8.GetBytes(text.Insert(1, $"\"huge\":\"{new string('9', 1 << 18)}\",")),
            1 => Encoding.UTF8.GetBytes(text.Insert(1, "\"deep\":" + new string('[', 5000) + new string(']', 5000) + ",")),
            _ => Encoding.UTF8.GetBytes("{\"rows\":[" + string.Join(",", Enumerable.Repeat(text, 500)) + "],\"return_code\":0}"),
        };
    }
}
