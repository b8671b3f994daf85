using System.Buffers;
using System.Text.Json;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>The client-to-server messages of PROTOCOL.md 6 and 8, as UTF-8 JSON.</summary>
internal static class RealtimeMessages
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Login(string token) => Write(w =>
    {
        w.WriteString("trnm", "LOGIN");
        w.WriteString("token", token);
    });

    /// <summary>refresh "1" keeps what the group already holds, so adding one item never drops others.</summary>
    public static byte[] Register(int group, IEnumerable<string> items, string type) => Write(w =>
    {
        w.WriteString("trnm", "REG");
        w.WriteString("grp_no", group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("refresh", "1");
        WriteData(w, items, type);
    });

    public static byte[] Remove(int group, IEnumerable<string> items, string type) => Write(w =>
    {
        w.WriteString("trnm", "REMOVE");
        w.WriteString("grp_no", group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteData(w, items, type);
    });

    public static byte[] ConditionList() => Write(w => w.WriteString("trnm", "CNSRLST"));

    public static byte[] ConditionSearch(string seq, string searchType, string exchange, string? continueYn, string? nextKey) => Write(w =>
    {
        w.WriteString("trnm", "CNSRREQ");
        w.WriteString("seq", seq);
        w.WriteString("search_type", searchType);
        w.WriteString("stex_tp", exchange);
        if (continueYn is not null)
        {
            w.WriteString("cont_yn", continueYn);
            w.WriteString("next_key", nextKey ?? "");
        }
    });

    public static byte[] ConditionClear(string seq) => Write(w =>
    {
        w.WriteString("trnm", "CNSRCLR");
        w.WriteString("seq", seq);
    });

    private static void WriteData(Utf8JsonWriter w, IEnumerable<string> items, string type)
    {
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteStartArray("item");
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
        w.WriteStartArray("type");
        w.WriteStringValue(type);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
