using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Tests.Realtime;

/// <summary>Frames for the realtime tests, built from the official samples in realtime.json.</summary>
internal static class RealtimeFrames
{
    public const string TradeTick =
        """{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"20":"165208","10":"-20800","11":"-50","12":"-0.24","27":"-20800","28":"-20700","15":"+82","13":"30379732","14":"632640","16":"20850","17":"+21150","18":"-20450","25":"5","26":"-1057122","29":"-22041267850","30":"-96.64","31":"36.67","32":"44","228":"98.92","311":"17230"}}]}""";

    /// <summary>A REAL frame carrying every FID of <paramref name="type"/> with its sample (or "0").</summary>
    public static string FullSample(string type, string item = "005930")
    {
        var spec = KiwoomCatalog.Default.RealtimeByType[type];
        var values = spec.Fields.ToDictionary(f => f.Fid, f => f.Sample is { } s && !s.StartsWith('(') ? s : "0");
        var entry = new Dictionary<string, object> { ["type"] = type, ["name"] = spec.NameKo, ["item"] = item, ["values"] = values };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["trnm"] = "REAL", ["data"] = new[] { entry } });
    }

    /// <summary>A REAL frame of <paramref name="entries"/> 0B entries: large enough to need many socket reads.</summary>
    public static string ManyTicks(int entries)
    {
        var one = TradeTick[(TradeTick.IndexOf('[') + 1)..TradeTick.LastIndexOf(']')];
        var sb = new StringBuilder("""{"trnm":"REAL","data":[""");
        for (var i = 0; i < entries; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(one.Replace("\"005930\"", $"\"{i:D6}\"", StringComparison.Ordinal));
        }

        return sb.Append("]}").ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
