using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>Data-driven over the registry: decode handles every TR's response type and names every catalog field.</summary>
public sealed class DecodeEveryTrTests
{
    public static TheoryData<string> ApiIds() => [.. KiwoomApis.All.Select(a => a.Id)];

    [Theory]
    [MemberData(nameof(ApiIds))]
    public async Task EveryTrDecodesABodyShapedLikeItsCatalogEntry(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;
        var body = Body(tr.Response);
        body["return_code"] = 0;
        body["return_msg"] = "정상적으로 처리되었습니다";

        var run = await CliRun.RunAsync(["decode", apiId], body.ToJsonString());

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        foreach (var field in tr.Response.Where(f => !IsPseudoEntry(f.Desc)))
        {
            Assert.True(json.RootElement.TryGetProperty(field.Name, out var value), $"{apiId}: {field.Name} is missing.\n{run}");
            if (field.IsList && field.Fields is { Count: > 0 } columns)
            {
                var row = Assert.Single(value.EnumerateArray().ToList());
                Assert.All(columns, c => Assert.True(row.TryGetProperty(c.Name, out _), $"{apiId}: {field.Name}[0].{c.Name} is missing."));
            }
        }

        Assert.DoesNotContain("(kept in Extra)", run.Stderr);
    }

    // The catalog documents some WebSocket pushes as a pseudo-field of the reply (ka10173 "REAL"); no body carries it.
    private static bool IsPseudoEntry(string description) => description.StartsWith("Pseudo-entry", StringComparison.Ordinal);

    // "0" fits every numeric type; dates and times read it as a misfit, which is a warning, not a failure.
    // The fields are walked as the catalog's JSON: the model type is compiled into two referenced assemblies.
    private static JsonObject Body(object fields)
    {
        var body = new JsonObject();
        foreach (var field in JsonSerializer.SerializeToNode(fields)!.AsArray().Select(f => f!.AsObject()))
        {
            var name = field["name"]!.GetValue<string>();
            if (body.ContainsKey(name) || IsPseudoEntry(field["desc"]?.GetValue<string>() ?? string.Empty))
            {
                continue;
            }

            var children = field["fields"] is JsonArray nested ? nested : new JsonArray();
            body[name] = field["type"]!.GetValue<string>() switch
            {
                "LIST" => new JsonArray(Body(children)),
                "Object" => Body(children),
                _ => JsonValue.Create("0"),
            };
        }

        return body;
    }
}
