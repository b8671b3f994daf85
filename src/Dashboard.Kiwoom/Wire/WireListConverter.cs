using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dashboard.Kiwoom.Wire;

/// <summary>Reads a LIST field: object rows through the source-generated metadata, anything else kept raw.</summary>
public sealed class WireListConverter<T> : JsonConverter<WireList<T>>
    where T : KiwoomRow
{
    public override bool HandleNull => true;

    public override WireList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return WireList<T>.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return new WireList<T>([], WireText.ReadAny(ref reader));
        }

        var rowInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var rows = new List<T>();
        StringBuilder? unexpected = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, rowInfo) is { } row)
            {
                rows.Add(row);
                continue;
            }

            unexpected ??= new StringBuilder();
            unexpected.Append(unexpected.Length == 0 ? "[" : ",").Append(WireText.ReadAny(ref reader) ?? "null");
        }

        return new WireList<T>([.. rows], unexpected?.Append(']').ToString());
    }

    public override void Write(Utf8JsonWriter writer, WireList<T> value, JsonSerializerOptions options)
    {
        var rowInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var row in value)
        {
            JsonSerializer.Serialize(writer, row, rowInfo);
        }

        writer.WriteEndArray();
    }
}
