using System.Buffers;
using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>The non-REAL frames of the WebSocket protocol (PING, SYSTEM, acks) and the readers of incoming ones.</summary>
internal static class ProtocolFrames
{
    public static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"trnm\":\"PING\"}");

    public static byte[] System(string code, string message) => Json(w =>
    {
        w.WriteString("trnm", "SYSTEM");
        w.WriteString("code", code);
        w.WriteString("message", message);
    });

    public static byte[] Ack(string trnm, int code, string message) => Json(w =>
    {
        w.WriteString("trnm", trnm);
        w.WriteNumber("return_code", code);
        w.WriteString("return_msg", message);
    });

    public static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, ResponseComposer.WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "";

    /// <summary>item/type are arrays of strings per the spec; a plain string is accepted too (some clients send one).</summary>
    public static List<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? "").ToList(),
            JsonValueKind.String => [v.GetString() ?? ""],
            _ => [],
        };
    }
}
