using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Catalog;

// The shape of catalog.json (188 TRs) and realtime.json (19 realtime types). This file is also
// compiled into the generator, so it depends on nothing but System.Text.Json.

/// <summary>One TR of the catalog.</summary>
public sealed record CatalogTr
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name_ko")] public required string NameKo { get; init; }
    [JsonPropertyName("name_en")] public required string NameEn { get; init; }
    [JsonPropertyName("category_ko")] public string CategoryKo { get; init; } = "";
    [JsonPropertyName("subcategory_ko")] public string SubcategoryKo { get; init; } = "";
    [JsonPropertyName("subcategory_en")] public string SubcategoryEn { get; init; } = "";
    [JsonPropertyName("method")] public string Method { get; init; } = "POST";
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("mock_supported")] public bool MockSupported { get; init; }
    [JsonPropertyName("paginated")] public bool Paginated { get; init; }
    [JsonPropertyName("request")] public IReadOnlyList<CatalogField> Request { get; init; } = [];
    [JsonPropertyName("response")] public IReadOnlyList<CatalogField> Response { get; init; } = [];
    [JsonPropertyName("request_example")] public JsonElement RequestExample { get; init; }
    [JsonPropertyName("notes")] public string Notes { get; init; } = "";
    [JsonPropertyName("transport")] public string Transport { get; init; } = "rest";

    /// <summary>True for the four condition-search TRs that travel over the WebSocket.</summary>
    [JsonIgnore] public bool IsWebSocket => Transport == "websocket";
}

/// <summary>A request or response field; LIST and Object fields carry nested <see cref="Fields"/>.</summary>
public sealed record CatalogField
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("ko")] public string Ko { get; init; } = "";
    /// <summary>"String", "LIST" or "Object".</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "String";
    [JsonPropertyName("required")] public bool Required { get; init; }
    [JsonPropertyName("length")] public int? Length { get; init; }
    [JsonPropertyName("desc")] public string Desc { get; init; } = "";
    [JsonPropertyName("fields")] public IReadOnlyList<CatalogField>? Fields { get; init; }

    [JsonIgnore] public bool IsList => Type == "LIST";
    [JsonIgnore] public bool IsObject => Type == "Object";
}

/// <summary>realtime.json: every realtime type and the field ids each push carries.</summary>
public sealed record RealtimeCatalog
{
    [JsonPropertyName("about")] public string About { get; init; } = "";
    [JsonPropertyName("types")] public IReadOnlyList<RealtimeTypeSpec> Types { get; init; } = [];
}

/// <summary>One realtime type ("0B" 주식체결 …) and its FIDs in wire order.</summary>
public sealed record RealtimeTypeSpec
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("name_ko")] public string NameKo { get; init; } = "";
    [JsonPropertyName("name_en")] public string NameEn { get; init; } = "";
    [JsonPropertyName("fields")] public IReadOnlyList<RealtimeFieldSpec> Fields { get; init; } = [];
}

/// <summary>One FID of a realtime type.</summary>
public sealed record RealtimeFieldSpec
{
    [JsonPropertyName("fid")] public required string Fid { get; init; }
    [JsonPropertyName("ko")] public string Ko { get; init; } = "";
    [JsonPropertyName("en")] public string En { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "";
    [JsonPropertyName("sample")] public string? Sample { get; init; }
}
