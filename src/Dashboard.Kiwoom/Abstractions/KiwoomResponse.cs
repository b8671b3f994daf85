using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom;

/// <summary>
/// The envelope every REST answer carries. Fields the catalog does not list are kept in
/// <see cref="Extra"/>, never dropped.
/// </summary>
public abstract record KiwoomResponse
{
    /// <summary>0 on success. Sent as a number or a numeric string depending on the endpoint.</summary>
    [JsonPropertyName("return_code")]
    [JsonConverter(typeof(Wire.FlexibleInt32Converter))]
    public int ReturnCode { get; init; }

    [JsonPropertyName("return_msg")]
    public string? ReturnMsg { get; init; }

    /// <summary>Fields the catalog does not know about, as received.</summary>
    /// <remarks>Settable, not init: System.Text.Json's source generator binds init-only members like
    /// constructor parameters, and extension data cannot be one.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
