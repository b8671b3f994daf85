
namespace Dashboard.Kiwoom.Generator;

/// <summary>Writes the request record, the response record and the row records of one TR.</summary>
internal sealed class TrEmitter(TrSpec tr, OverlayTr overlay, IReadOnlyDictionary<string, OverlayField> shared, List<string> serializableTypes)
{
    private static readonly string[] EnvelopeFields = ["return_code", "return_msg"];

    public string Pascal { get; } = CSharpNames.Pascal(tr.Id);

    public void Emit(CodeWriter writer)
    {
        EmitRequest(writer);
        writer.Line();
        var responseFields = tr.Response.Where(f => !EnvelopeFields.Contains(f.Name)).ToList();
        EmitRecord(writer, Pascal + "Response", "KiwoomResponse", responseFields, "", $"{tr.Id} {tr.NameKo} ({tr.NameEn}): response.", ["ReturnCode", "ReturnMsg", "Extra"]);
    }

    private void EmitRequest(CodeWriter writer)
    {
        var type = Pascal + "Request";
        serializableTypes.Add(type);
        var taken = new HashSet<string>(StringComparer.Ordinal) { type, "Api", "EqualityContract" };
        writer.Line($"/// <summary>{CSharpNames.Doc($"{tr.Id} {tr.NameKo} ({tr.NameEn}): request, POST {tr.Path}.")}</summary>")
            .Open($"public sealed record {type} : IKiwoomRequest<{Pascal}Response>");
        foreach (var field in tr.Request)
        {
            var name = CSharpNames.Unique(NameOf(field, ""), taken);
            WriteDoc(writer, field);
            writer.Line($"[JsonPropertyName({CSharpNames.Literal(field.Name)})]")
                .Line("[JsonConverter(typeof(W.WireStringConverter))]")
                .Line(field.Required ? $"public required string {name} {{ get; init; }}" : $"public string? {name} {{ get; init; }}")
                .Line();
        }

        writer.Line("[JsonIgnore]")
            .Line($"public KiwoomApiDescriptor Api => KiwoomApis.{Pascal};")
            .Close();
    }

    private void EmitRecord(CodeWriter writer, string type, string baseType, IReadOnlyList<FieldSpec> fields, string path, string summary, string[] inherited)
    {
        serializableTypes.Add(type);
        var taken = new HashSet<string>(inherited, StringComparer.Ordinal) { type, "EqualityContract" };
        var rows = new List<(string Type, FieldSpec Field, string Path)>();
        var checks = new List<string>();
        writer.Line($"/// <summary>{CSharpNames.Doc(summary)}</summary>")
            .Open($"public sealed record {type} : {baseType}, W.IWireChecked");
        foreach (var field in fields)
        {
            var fieldPath = path + field.Name;
            var semantic = TypeOf(field, fieldPath);
            if (semantic == SemanticType.Omit)
            {
                continue;
            }

            var name = CSharpNames.Unique(NameOf(field, fieldPath), taken);
            WriteDoc(writer, field);
            writer.Line($"[JsonPropertyName({CSharpNames.Literal(field.Name)})]");
            var literal = CSharpNames.Literal(field.Name);
            if (field.IsList && field.Fields is { Count: > 0 } && semantic != SemanticType.Json)
            {
                var rowType = type.EndsWith("Response", StringComparison.Ordinal)
                    ? Pascal + CSharpNames.Pascal(field.Name) + "Item"
                    : type[..^"Item".Length] + CSharpNames.Pascal(field.Name) + "Item";
                rows.Add((rowType, field, fieldPath + "."));
                // An absent list must read as empty, and the JSON source generator passes null for it.
                writer.Line($"public W.WireList<{rowType}> {name} {{ get; init => field = value ?? W.WireList<{rowType}>.Empty; }} = W.WireList<{rowType}>.Empty;");
                checks.Add($"collector.List({literal}, {name});");
            }
            else if (semantic == SemanticType.Json || field.IsList || field.IsObject)
            {
                writer.Line($"public JsonElement? {name} {{ get; init; }}");
            }
            else if (semantic == SemanticType.String)
            {
                writer.Line("[JsonConverter(typeof(W.WireStringConverter))]")
                    .Line($"public string? {name} {{ get; init; }}");
            }
            else
            {
                writer.Line($"public W.{ClrType(semantic)} {name} {{ get; init; }}");
                checks.Add($"collector.Value({literal}, {name});");
            }

            writer.Line();
        }

        writer.Open("void W.IWireChecked.CheckWire(W.WireWarningCollector collector)");
        foreach (var check in checks)
        {
            writer.Line(check);
        }

        writer.Line("collector.Extra(Extra);").Close().Close();
        foreach (var (rowType, field, rowPath) in rows)
        {
            writer.Line();
            EmitRecord(writer, rowType, "W.KiwoomRow", field.Fields!, rowPath, $"{tr.Id}: one row of {field.Name} ({field.Ko}).", ["Extra"]);
        }
    }

    private SemanticType TypeOf(FieldSpec field, string path)
    {
        var overrideType = Overrides(field, path).Select(o => o.Type).FirstOrDefault(t => t is not null);
        if (overrideType is null)
        {
            return field.IsList && field.Fields is not { Count: > 0 } ? SemanticType.Json : SemanticInference.Infer(field);
        }

        return Enum.TryParse<SemanticType>(overrideType, ignoreCase: false, out var parsed)
            ? parsed
            : throw new InvalidDataException($"overlay.json: {tr.Id}.{path} has unknown type '{overrideType}'.");
    }

    private string NameOf(FieldSpec field, string path) =>
        Overrides(field, path).Select(o => o.Name).FirstOrDefault(n => n is not null) ?? CSharpNames.Pascal(field.Name);

    /// <summary>The overrides that apply, most specific first: TR list path, TR wire name, shared wire name.</summary>
    private IEnumerable<OverlayField> Overrides(FieldSpec field, string path)
    {
        string?[] keys = [path, field.Name];
        foreach (var key in keys.Distinct())
        {
            if (key is not null && overlay.Fields.TryGetValue(key, out var specific))
            {
                yield return specific;
            }
        }

        if (shared.TryGetValue(field.Name, out var common))
        {
            yield return common;
        }
    }

    private static void WriteDoc(CodeWriter writer, FieldSpec field)
    {
        var text = field.Ko.Length == 0 ? field.Desc : $"{field.Ko} — {field.Desc}";
        writer.Line($"/// <summary>{CSharpNames.Doc(text)}</summary>");
    }

    private static string ClrType(SemanticType type) => type switch
    {
        SemanticType.Date => "KDate",
        SemanticType.Time => "KTime",
        SemanticType.DateTime => "KDateTime",
        _ => type.ToString(),
    };
}
