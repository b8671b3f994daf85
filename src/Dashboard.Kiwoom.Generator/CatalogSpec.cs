using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Generator;

// The part of catalog.json the generator reads. Its own internal copy rather than a link to
// Catalog/CatalogModel.cs: the test project references both this tool and the library, and two
// public copies of the same type would make every test that names one ambiguous (CS0433).

/// <summary>One TR of catalog.json.</summary>
internal sealed record TrSpec
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name_ko")] public required string NameKo { get; init; }
    [JsonPropertyName("name_en")] public required string NameEn { get; init; }
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("mock_supported")] public bool MockSupported { get; init; }
    [JsonPropertyName("paginated")] public bool Paginated { get; init; }
    [JsonPropertyName("request")] public IReadOnlyList<FieldSpec> Request { get; init; } = [];
    [JsonPropertyName("response")] public IReadOnlyList<FieldSpec> Response { get; init; } = [];
}

/// <summary>A request or response field; LIST and Object fields carry nested <see cref="Fields"/>.</summary>
internal sealed record FieldSpec
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("ko")] public string Ko { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "String";
    [JsonPropertyName("required")] public bool Required { get; init; }
    [JsonPropertyName("desc")] public string Desc { get; init; } = "";
    [JsonPropertyName("fields")] public IReadOnlyList<FieldSpec>? Fields { get; init; }

    [JsonIgnore] public bool IsList => Type == "LIST";
    [JsonIgnore] public bool IsObject => Type == "Object";
}
