using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// Every REST TR of the catalog, asked with its request example against a market that has traded and an
/// account that has holdings, fills and an open order: every response field the catalog lists (with the
/// fields its errata in overlay.json add) is in the answer, and every LIST has rows wherever the model has
/// data for it, so a field inside a list cannot go missing unseen behind an empty array.
/// </summary>
public sealed class CatalogCoverageTests(TradedAccountSimulator shared) : IClassFixture<TradedAccountSimulator>
{
    private static readonly string SimulatorToday = KoreaTime.WallClock(SimulatorHost.Start).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Lists the model has no data for, each with the reason. Everything else must have a row.</summary>
    private static readonly Dictionary<string, string> EmptyByDesign = new(StringComparer.Ordinal)
    {
        ["kt00001.stk_entr_prst"] = "foreign-currency deposits: simulated accounts hold KRW only",
    };

    public static TheoryData<string> RestTrs()
    {
        var data = new TheoryData<string>();
        foreach (var tr in KiwoomCatalog.Default.Trs.Where(t => !t.IsWebSocket && !t.Path.StartsWith("/oauth2", StringComparison.Ordinal) && !RestTrTests.IsOrder(t.Id)))
        {
            data.Add(tr.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RestTrs))]
    public async Task EveryResponseFieldIsPresentAndEveryListHasRowsWhereTheModelHasData(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;
        var response = await shared.Sim.CallAsync(tr.Id, tr.Path, Today(tr.RequestExample), shared.Token);

        Assert.True(response.Status == 200 && response.ReturnCode == 0, response.Text);
        AssertNamesPresent(tr.Response, response.Root, apiId);
        AssertFields(KiwoomCatalog.Default.Find(apiId)!.Response, response.Root, apiId);
    }

    /// <summary>Dates of the request example moved to today, so date-bounded TRs ask for days the model has.</summary>
    private static string Today(JsonElement example)
    {
        var node = JsonNode.Parse(example.GetRawText())!.AsObject();
        foreach (var (name, value) in node.ToArray())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 8 && text.StartsWith("20", StringComparison.Ordinal) && text.All(char.IsAsciiDigit))
            {
                node[name] = SimulatorToday;
            }
        }

        return node.ToJsonString();
    }

    /// <summary>
    /// Every name the shared catalog lists is sent. Shapes are checked against the simulator's corrected schema
    /// instead, because the catalog types a few plain strings as LIST (ka10101 marketCode).
    /// </summary>
    private static void AssertNamesPresent(IReadOnlyList<CatalogField> fields, JsonElement body, string apiId)
    {
        foreach (var f in fields.Where(f => f.Name is not ("return_code" or "return_msg")))
        {
            Assert.True(body.TryGetProperty(f.Name, out var value), $"{apiId}: field {f.Name} is missing");
            if (f.IsList && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in value.EnumerateArray())
                {
                    AssertNamesPresent(f.Fields ?? [], row, apiId);
                }
            }
        }
    }

    private static void AssertFields(IReadOnlyList<CatalogField> fields, JsonElement body, string apiId)
    {
        foreach (var f in fields)
        {
            if (f.Name is "return_code" or "return_msg")
            {
                continue;
            }

            Assert.True(body.TryGetProperty(f.Name, out var value), $"{apiId}: field {f.Name} is missing");
            if (f.IsList)
            {
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                var rows = value.GetArrayLength();
                var exempt = EmptyByDesign.ContainsKey($"{apiId}.{f.Name}");
                Assert.True(rows > 0 || exempt, $"{apiId}: list {f.Name} has no rows");
                foreach (var row in value.EnumerateArray())
                {
                    AssertFields(f.Fields ?? [], row, apiId);
                }
            }
            else if (!f.IsObject)
            {
                Assert.True(value.ValueKind == JsonValueKind.String, $"{apiId}: {f.Name} must be a JSON string");
            }
        }
    }
}
