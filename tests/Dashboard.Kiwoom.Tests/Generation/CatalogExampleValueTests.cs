using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Generation;

public sealed partial class CatalogExampleValueTests
{
    /// <summary>
    /// Examples in the guide that do not fit their type and are meant to: a doubled sign or an
    /// out-of-range sign code is exactly the kind of surprise that must stay raw and be reported.
    /// </summary>
    private static readonly Dictionary<string, string[]> DocumentedSurprises = new()
    {
        ["ka20004"] = ["inds_tic_chart_qry[0].pred_pre_sig"],
        ["ka30002"] = ["trde_ori_elwnettrde_upper[0].netprps"],
        ["ka30005"] = ["elwcnd_qry[0].dispty_rt"],
        ["ka30012"] = ["dispty_rt", "elwpl_qutr_rt"],
        ["ka40003"] = ["etfdaly_trnsn[0].pre_sig"],
        ["ka50087"] = ["gold_expt_exec[0].exp_flu_rt"],
        ["ka90008"] = ["stk_tm_prm_trde_trnsn[0].prm_netprps_amt", "stk_tm_prm_trde_trnsn[0].prm_netprps_qty"],
    };

    public static TheoryData<string> ApiIds => [.. KiwoomApis.All.Select(d => d.Id)];

    /// <summary>The example values the catalog documents must fit the semantic type inferred for their field.</summary>
    [Theory]
    [MemberData(nameof(ApiIds))]
    public void DocumentedExampleValuesDecodeWithoutWarnings(string apiId)
    {
        var body = new JsonObject { ["return_code"] = 0 };
        Fill(body, KiwoomCatalog.Default.ById[apiId].Response);
        var warnings = new List<WireWarning>();
        var decode = typeof(CatalogExampleValueTests).GetMethod(nameof(DecodeAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(KiwoomApis.Find(apiId)!.ResponseType);

        var ok = (bool)decode.Invoke(null, [Encoding.UTF8.GetBytes(body.ToJsonString()), apiId, warnings])!;

        Assert.True(ok, apiId);
        Assert.Equal(DocumentedSurprises.GetValueOrDefault(apiId, []), warnings.Select(w => w.Field));
    }

    private static bool DecodeAs<T>(byte[] body, string apiId, List<WireWarning> warnings)
        where T : KiwoomResponse =>
        KiwoomJson.Decode<T>(body, apiId, warnings).IsSuccess;

    private static void Fill(JsonObject node, IReadOnlyList<CatalogField> fields)
    {
        foreach (var field in fields.Where(f => f.Name is not "return_code" and not "return_msg"))
        {
            if (field.IsList && field.Fields is { Count: > 0 })
            {
                var row = new JsonObject();
                Fill(row, field.Fields);
                node[field.Name] = new JsonArray(row);
            }
            else if (!field.IsList && !field.IsObject && Example().Match(field.Desc) is { Success: true } match)
            {
                node[field.Name] = JsonSerializer.Deserialize<string>("\"" + match.Groups[1].Value + "\"");
            }
        }
    }

    [GeneratedRegex("""Example: "((?:[^"\\]|\\.)*)"$""")]
    private static partial Regex Example();
}
