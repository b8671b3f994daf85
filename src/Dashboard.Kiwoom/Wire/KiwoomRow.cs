using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>Base of every generated list row: fields the catalog does not list are kept, not dropped.</summary>
public abstract record KiwoomRow
{
    /// <summary>Fields of this row the catalog does not know about, as received.</summary>
    /// <remarks>Settable, not init: System.Text.Json's source generator binds init-only members like
    /// constructor parameters, and extension data cannot be one.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
