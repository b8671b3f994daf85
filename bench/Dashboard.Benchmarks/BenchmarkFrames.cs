using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Benchmarks;

/// <summary>REAL frames built from the official samples in realtime.json.</summary>
internal static class BenchmarkFrames
{
    public const string Trade20 =
        """{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"20":"165208","10":"-20800","11":"-50","12":"-0.24","27":"-20800","28":"-20700","15":"+82","13":"30379732","14":"632640","16":"20850","17":"+21150","18":"-20450","25":"5","26":"-1057122","29":"-22041267850","30":"-96.64","31":"36.67","32":"44","228":"98.92","311":"17230"}}]}""";

    /// <summary>Every FID of 0B with its official sample ("" where the sample has none, as Kiwoom sends).</summary>
    public static string FullTrade()
    {
        var spec = KiwoomCatalog.Default.RealtimeByType["0B"];
        var values = spec.Fields.ToDictionary(f => f.Fid, f => f.Sample ?? "");
        var entry = new Dictionary<string, object> { ["type"] = "0B", ["name"] = "주식체결", ["item"] = "005930", ["values"] = values };
        return JsonSerializer.Serialize(
            new Dictionary<string, object> { ["trnm"] = "REAL", ["data"] = new[] { entry } },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
