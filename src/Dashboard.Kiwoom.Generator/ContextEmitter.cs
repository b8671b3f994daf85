namespace Dashboard.Kiwoom.Generator;

/// <summary>Writes the source-generated <c>KiwoomJsonContext</c> over every request, response and row type.</summary>
internal static class ContextEmitter
{
    public static string Emit(IReadOnlyList<string> types)
    {
        var writer = new CodeWriter();
        GeneratedHeader.Write(writer, "System.Text.Json.Serialization");
        writer.Line("/// <summary>Source-generated metadata for every generated type; <c>KiwoomJson.Options</c> resolves through it.</summary>")
            .Line("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var type in types.Order(StringComparer.Ordinal))
        {
            writer.Line($"[JsonSerializable(typeof({type}))]");
        }

        writer.Line("public sealed partial class KiwoomJsonContext : JsonSerializerContext")
            .Line("{")
            .Line("}");
        return writer.ToString();
    }
}
