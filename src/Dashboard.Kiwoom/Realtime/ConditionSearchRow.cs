using System.Globalization;
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
        // The rows are keyed by FID text ("10"), as in a REAL push's values.
        string Fid(int fid) => Text(fid.ToString(CultureInfo.InvariantCulture));
        SignedPrice? Price(int fid) => RealtimeValueParser.TryParsePrice(Encoding.UTF8.GetBytes(Fid(fid)), out var p) ? p : null;
        long? Number(int fid) => RealtimeValueParser.TryParseInt64(Encoding.UTF8.GetBytes(Fid(fid)), out var n) ? n : null;

        var code = Fid(RealtimeFid.StockCode) is { Length: > 0 } c ? c : Text("jmcode");
        return new ConditionSearchRow(
            ConditionCodes.Normalize(code), Fid(RealtimeFid.StockName), Price(RealtimeFid.CurrentPrice),
            RealtimeValueParser.ParseChangeSign(Encoding.UTF8.GetBytes(Fid(RealtimeFid.ChangeSign))),
            Number(RealtimeFid.Change), Fid(RealtimeFid.ChangeRate), Number(RealtimeFid.CumulativeVolume),
            Price(RealtimeFid.Open), Price(RealtimeFid.High), Price(RealtimeFid.Low));
    }
}
