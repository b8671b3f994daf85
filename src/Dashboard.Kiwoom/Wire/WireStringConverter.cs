using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A text field that accepts whatever token the server sends: a number or literal where the catalog
/// says string keeps its text, an object or array keeps its JSON text. One odd field must never make
/// the whole response undecodable.
/// </summary>
public sealed class WireStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireText.ReadAny(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
