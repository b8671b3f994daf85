using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>Reads an int sent either as a JSON number or as a numeric string ("0", "0000", "8005").</summary>
public sealed class FlexibleInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return number;
            case JsonTokenType.String:
                var trimmed = (reader.GetString() ?? string.Empty).Trim();
                if (trimmed.Length == 0)
                {
                    return 0;
                }

                if (int.TryParse(trimmed, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
        }

        throw new JsonException("return_code is neither a number nor a numeric string.");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
