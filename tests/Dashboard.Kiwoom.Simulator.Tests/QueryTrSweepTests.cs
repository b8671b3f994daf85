using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// Every query TR, asked for a few listings of its kind, keeps the invariants a trader's eye checks first: no
/// escape sequences shown as text, dates and times in the catalog's format, numbers without a stray or doubled
/// sign, unsigned prices never negative, and a change sign that agrees with the rate, change and price it sits beside.
/// The rules are read from the catalog's descriptions, not from the simulator's own classifier.
/// </summary>
public sealed partial class QueryTrSweepTests(TradedAccountSimulator shared) : IClassFixture<TradedAccountSimulator>
{
    private static readonly string Today = KoreaTime.WallClock(SimulatorHost.Start).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static TheoryData<string> QueryTrs() => CatalogCoverageTests.RestTrs();

    [Theory]
    [MemberData(nameof(QueryTrs))]
    public async Task AnswersForSeveralListingsKeepTheGenericInvariants(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;
        var problems = new List<string>();
        foreach (var body in Requests(tr))
        {
            var response = await shared.Sim.CallAsync(tr.Id, tr.Path, body, shared.Token);
            Assert.True(response.Status == 200 && response.ReturnCode == 0, response.Text);
            Check(tr.Response, response.Root, $"{apiId} {body}", problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct().Take(20)));
    }

    /// <summary>The request example with its dates moved to today, and again for other listings of the same kind.</summary>
    private static IEnumerable<string> Requests(CatalogTr tr)
    {
        var example = JsonNode.Parse(tr.RequestExample.GetRawText())!.AsObject();
        foreach (var (name, value) in example.ToArray())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 8 && text.StartsWith("20", StringComparison.Ordinal) && text.All(char.IsAsciiDigit))
            {
                example[name] = Today;
            }
        }

        yield return example.ToJsonString();
        if (example["stk_cd"] is not JsonValue code || code.GetValue<string>().Contains('|', StringComparison.Ordinal) || code.GetValue<string>().StartsWith('M'))
        {
            yield break;
        }

        string[] others = tr.Path switch
        {
            "/api/dostk/etf" => ["229200", "091160"],
            "/api/dostk/elw" => ["57KJ99"],
            _ => ["247540", "035720"],
        };
        foreach (var other in others)
        {
            example["stk_cd"] = other;
            yield return example.ToJsonString();
        }
    }

    private static void Check(IReadOnlyList<CatalogField> fields, JsonElement obj, string where, List<string> problems)
    {
        foreach (var f in fields)
        {
            if (!obj.TryGetProperty(f.Name, out var value))
            {
                continue;
            }

            if (f.IsList && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in value.EnumerateArray().Take(30))
                {
                    Check(f.Fields ?? [], row, where, problems);
                }

                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                CheckValue(f, value.GetString()!, where, problems);
            }
        }

        CheckSignAgreement(fields, obj, where, problems);
    }

    private static void CheckValue(CatalogField f, string text, string where, List<string> problems)
    {
        var desc = f.Desc.ToLowerInvariant();
        void Problem(string what) => problems.Add($"{where}: {f.Name} = \"{text}\" {what}");

        if (text.Contains("\\n", StringComparison.Ordinal) || text.Contains("\\t", StringComparison.Ordinal) || text.Contains("\\r", StringComparison.Ordinal))
        {
            Problem("shows an escape sequence as text");
        }

        if (text.Length == 0)
        {
            return;
        }

        if (desc.Contains("yyyymmdd", StringComparison.Ordinal) && !desc.Contains("hh", StringComparison.Ordinal)
            && !DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Problem("is not a YYYYMMDD date");
        }

        if (desc.Contains("hhmmss", StringComparison.Ordinal) && !desc.Contains("yyyy", StringComparison.Ordinal)
            && !TimeOnly.TryParseExact(text, "HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Problem("is not an HHmmss time");
        }

        if (NumberLike(desc) && !NumberRegex().IsMatch(text))
        {
            Problem("is not a number with at most one sign");
        }

        if (NumberRegex().IsMatch(text) && text.Length > 1 && text[0] is '+' or '-' && decimal.Parse(text[1..], CultureInfo.InvariantCulture) == 0)
        {
            Problem("is a signed zero");
        }

        var unsignedPrice = (f.Name.Contains("pric", StringComparison.Ordinal) || f.Name.Contains("prc", StringComparison.Ordinal) || f.Name == "nav")
            && (desc.Contains("unit: krw", StringComparison.Ordinal) || desc.Contains("index points", StringComparison.Ordinal))
            && !desc.Contains("signed", StringComparison.Ordinal) && !desc.Contains("change", StringComparison.Ordinal);
        if (unsignedPrice && text.StartsWith('-'))
        {
            Problem("is a negative price");
        }
    }

    /// <summary>A change sign (1/2 up, 3 flat, 4/5 down) agrees with the change rate, the change and the signed price beside it.</summary>
    private static void CheckSignAgreement(IReadOnlyList<CatalogField> fields, JsonElement obj, string where, List<string> problems)
    {
        var sign = fields.FirstOrDefault(f => IsChangeSign(f) && !f.Name.Contains("trace", StringComparison.Ordinal) && !f.Name.Contains("exp", StringComparison.Ordinal));
        if (sign is null || !obj.TryGetProperty(sign.Name, out var s) || s.GetString() is not { Length: 1 } code || code[0] is < '1' or > '5')
        {
            return;
        }

        var direction = code[0] is '1' or '2' ? 1 : code[0] == '3' ? 0 : -1;
        var suffix = sign.Name.EndsWith("_n", StringComparison.Ordinal) ? "_n" : "";
        foreach (var name in new[] { "flu_rt", "pre_rt", "pred_pre", "cur_prc", "close_pric" }.Select(n => n + suffix))
        {
            var field = fields.FirstOrDefault(f => f.Name == name);
            var price = name.StartsWith("cur", StringComparison.Ordinal) || name.StartsWith("close", StringComparison.Ordinal);
            if (field is null || field.Desc.Contains("average price", StringComparison.OrdinalIgnoreCase) || !obj.TryGetProperty(name, out var v)
                || (price && !field.Desc.Contains("signed", StringComparison.Ordinal))
                || v.GetString() is not { Length: > 0 } text || !NumberRegex().IsMatch(text))
            {
                continue;
            }

            // A price carries only the direction in its sign; a change or a rate carries its value.
            var actual = price
                ? (text[0] == '+' ? 1 : text[0] == '-' ? -1 : 0)
                : Math.Sign(decimal.Parse(text, CultureInfo.InvariantCulture));
            // A rate rounds a tiny move to 0.00; it may never point the other way.
            var rate = name.Contains("rt", StringComparison.Ordinal);
            if (actual != direction && !(rate && actual == 0))
            {
                problems.Add($"{where}: {sign.Name} = {code} but {name} = \"{text}\"");
            }
        }
    }

    private static bool IsChangeSign(CatalogField f)
    {
        var d = f.Desc.ToLowerInvariant();
        return d.Contains("1: upper limit", StringComparison.Ordinal) || d.Contains("1:upper limit", StringComparison.Ordinal);
    }

    private static bool NumberLike(string desc) =>
        desc.Contains("signed number", StringComparison.Ordinal) || desc.Contains("unit: krw", StringComparison.Ordinal)
        || desc.Contains("unit: shares", StringComparison.Ordinal) || desc.Contains("unit: %", StringComparison.Ordinal) || desc.Contains("index points", StringComparison.Ordinal);

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex NumberRegex();
}
