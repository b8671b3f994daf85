using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// One stock of a one-shot condition search (CNSRREQ search_type 0). Numbers arrive zero-padded
/// ("000075000"); the change rate has implied decimals of unknown scale, so it stays raw.
/// </summary>
public sealed record ConditionSearchRow(
    string Code,
    string Name,
    SignedPrice? Price,
    ChangeSignCode Sign,
    long? Change,
    string ChangeRateRaw,
    long? CumulativeVolume,
    SignedPrice? Open,
    SignedPrice? High,
    SignedPrice? Low)
{
    internal static ConditionSearchRow? From(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string Text(string key) => row.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        SignedPrice? Price(string key) => RealtimeValueParser.TryParsePrice(Encoding.UTF8.GetBytes(Text(key)), out var p) ? p : null;
        long? Number(string key) => RealtimeValueParser.TryParseInt64(Encoding.UTF8.GetBytes(Text(key)), out var n) ? n : null;

        var code = Text("9001") is { Length: > 0 } c ? c : Text("jmcode");
        return new ConditionSearchRow(
            ConditionCodes.Normalize(code), Text("302"), Price("10"), RealtimeValueParser.ParseChangeSign(Encoding.UTF8.GetBytes(Text("25"))),
            Number("11"), Text("12"), Number("13"), Price("16"), Price("17"), Price("18"));
    }
}
