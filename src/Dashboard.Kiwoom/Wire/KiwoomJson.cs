using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// The single decode entry point for REST bodies: the send path, the CLI's <c>decode</c> and the
/// tests all go through it, so odd values are reported the same way everywhere.
/// </summary>
public static class KiwoomJson
{
    /// <summary>
    /// Options for every Kiwoom body: source-generated metadata for every generated type (reflection
    /// only for types outside the registry), Korean left unescaped, null request fields omitted.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Decodes a response body. Malformed input is a <see cref="KiwoomErrorKind.Decode"/> error,
    /// never an exception; values that do not fit their type, and fields the catalog does not list,
    /// are added to <paramref name="warnings"/> (at most <see cref="WireWarningCollector.MaxWarnings"/>
    /// per body, plus one line counting the rest).
    /// </summary>
    public static KiwoomResult<T> Decode<T>(ReadOnlySpan<byte> utf8, string apiId, ICollection<WireWarning>? warnings = null)
        where T : KiwoomResponse
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(utf8, Options);
        }
        catch (JsonException ex)
        {
            return new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is not a valid response ({ex.Message}).");
        }

        if (value is null)
        {
            return new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is JSON null.");
        }

        if (warnings is not null && value is IWireChecked checkable)
        {
            var collector = new WireWarningCollector(apiId, warnings);
            checkable.CheckWire(collector);
            collector.Complete();
        }

        return KiwoomResult<T>.Success(value);
    }

    /// <summary>Serializes a request body exactly as the TR expects it (wire names, strings, nulls omitted).</summary>
    public static byte[] Encode<TRequest>(TRequest request)
        where TRequest : IKiwoomRequest =>
        JsonSerializer.SerializeToUtf8Bytes(request, (JsonTypeInfo<TRequest>)Options.GetTypeInfo(typeof(TRequest)));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(KiwoomJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
