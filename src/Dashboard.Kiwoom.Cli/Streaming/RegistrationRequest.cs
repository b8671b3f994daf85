using System.Text.Json;

namespace Dashboard.Kiwoom.Cli.Streaming;

/// <summary>The LOGIN and REG messages of PROTOCOL.md 6.2 and 6.5.</summary>
internal static class RegistrationRequest
{
    /// <summary>The CLI registers everything at once, in one group.</summary>
    public const string Group = "1";

    public static byte[] Login(string token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("trnm", "LOGIN");
            writer.WriteString("token", token);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Register(IReadOnlyList<string> types, IReadOnlyList<string> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("trnm", "REG");
            writer.WriteString("grp_no", Group);

            // "1" keeps what is already registered (the spec's default) instead of replacing it.
            writer.WriteString("refresh", "1");
            writer.WriteStartArray("data");
            writer.WriteStartObject();
            WriteStrings(writer, "item", items);
            WriteStrings(writer, "type", types);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
