using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>Creates the tolerant reader for each <see cref="WireList{T}"/>.</summary>
public sealed class WireListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WireList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}
