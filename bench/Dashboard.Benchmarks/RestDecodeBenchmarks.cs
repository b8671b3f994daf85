using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Benchmarks;

/// <summary>
/// Decoding REST answers into the generated records (<see cref="KiwoomJson.Decode{T}"/>: source-generated context,
/// wire converters, warnings for odd values) beside a plain <see cref="JsonDocument"/> parse (no mapping at all) and
/// the naive reflection baseline (a dictionary of elements). Bodies are built from the catalog's documented example
/// values: ka10001 (one stock, 45 flat fields) and ka10081 (daily chart) with 100 and 600 rows.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob(RuntimeMoniker.Net10_0)]
public partial class RestDecodeBenchmarks
{
    private byte[] _body = [];

    [Params("ka10001", "ka10081 x100", "ka10081 x600")]
    public string Body { get; set; } = "ka10001";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Body.Split(" x");
        _body = ExampleBody(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
    }

    [Benchmark(Baseline = true)]
    public int NaiveReflectionDictionary() =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(_body)!.Count;

    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    public int KiwoomJsonDecode() => Body.StartsWith("ka10001", StringComparison.Ordinal)
        ? KiwoomJson.Decode<Ka10001Response>(_body, "ka10001").Value!.ReturnCode
        : KiwoomJson.Decode<Ka10081Response>(_body, "ka10081").Value!.Candles.Count;

    /// <summary>A body with every documented response field set to its example value; list fields get <paramref name="rows"/> copies of one row.</summary>
    private static byte[] ExampleBody(string apiId, int rows)
    {
        var body = new JsonObject { ["return_code"] = 0, ["return_msg"] = "정상적으로 처리되었습니다" };
        Fill(body, KiwoomCatalog.Default.ById[apiId].Response, rows);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static void Fill(JsonObject node, IReadOnlyList<CatalogField> fields, int rows)
    {
        foreach (var field in fields.Where(f => f.Name is not "return_code" and not "return_msg"))
        {
            if (field.IsList && field.Fields is { Count: > 0 })
            {
                var list = new JsonArray();
                for (var i = 0; i < rows; i++)
                {
                    var row = new JsonObject();
                    Fill(row, field.Fields, rows);
                    list.Add(row);
                }

                node[field.Name] = list;
            }
            else if (!field.IsList && !field.IsObject)
            {
                node[field.Name] = Example().Match(field.Desc) is { Success: true } match
                    ? JsonSerializer.Deserialize<string>("\"" + match.Groups[1].Value + "\"")
                    : "0";
            }
        }
    }

    [GeneratedRegex("""Example: "((?:[^"\\]|\\.)*)"$""")]
    private static partial Regex Example();
}
