using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// Reads any JSON token into a wire value: strings as sent, numbers and literals by their text,
/// objects and arrays by their JSON text (which then fails to parse and is reported). Writes the raw
/// string back, so a decoded response re-serializes exactly as received.
/// </summary>
public sealed class WireValueConverter<T> : JsonConverter<T>
    where T : struct, IWireValue<T>
{
    public override bool HandleNull => true;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Parse(WireText.ReadAny(ref reader));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Raw ?? string.Empty);
}
