using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Generator;

// The shape of Catalog/overlay.json, the hand-kept layer over the catalog. The generator reads it; its catalog errata
// (field "desc" and "guideType" corrections, and each TR's "add": fields the live API sends that the catalog lacks)
// are applied to the catalog itself by Dashboard.Kiwoom.Catalog.CatalogErrata, for the generator and the library's
// embedded catalog (and so the simulator) alike.

/// <summary>overlay.json: field names and types by wire name, and per TR kind, retry safety and field overrides.</summary>
internal sealed record CatalogOverlay
{
    /// <summary>Readable C# names and semantic types by wire name, for every TR unless a TR overrides them.</summary>
    [JsonPropertyName("fields")] public IReadOnlyDictionary<string, OverlayField> Fields { get; init; } = new Dictionary<string, OverlayField>();

    /// <summary>One entry per TR of the catalog; the generator refuses a TR without one.</summary>
    [JsonPropertyName("trs")] public IReadOnlyDictionary<string, OverlayTr> Trs { get; init; } = new Dictionary<string, OverlayTr>();
}

/// <summary>What the catalog cannot say about one TR.</summary>
internal sealed record OverlayTr
{
    /// <summary>"Auth", "Query", "Order" or "Realtime".</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>False for orders: the send path never re-sends them.</summary>
    [JsonPropertyName("retrySafe")] public required bool RetrySafe { get; init; }

    /// <summary>"Auth", "Query" or "Order".</summary>
    [JsonPropertyName("rateGroup")] public required string RateGroup { get; init; }

    /// <summary>Field overrides by wire name ("cur_prc") or list path ("stk_list.cur_prc").</summary>
    [JsonPropertyName("fields")] public IReadOnlyDictionary<string, OverlayField> Fields { get; init; } = new Dictionary<string, OverlayField>();
}

/// <summary>Overrides for one field: its semantic type, its C# name, or leaving it out (a corrected "desc" is applied before, by CatalogErrata).</summary>
internal sealed record OverlayField
{
    /// <summary>String, SignedPrice, SignedNumber, Quantity, Amount, Rate, Date, Time, DateTime, StockCode, ChangeSign, Json or Omit.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Why the override exists (kept in the file for the next reader).</summary>
    [JsonPropertyName("why")] public string? Why { get; init; }
}
