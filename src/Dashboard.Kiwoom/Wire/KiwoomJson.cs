using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
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
        where T : KiwoomResponse =>
        DecodeAs(utf8, typeof(T), apiId, warnings).Map(response => (T)response);

    /// <summary>
    /// Decodes a body into the response type the registry names for <paramref name="apiId"/> (for
    /// callers that only know the api-id, such as the CLI's <c>decode</c>). An unknown api-id is a
    /// <see cref="KiwoomErrorKind.Protocol"/> error.
    /// </summary>
    public static KiwoomResult<KiwoomResponse> Decode(ReadOnlySpan<byte> utf8, string apiId, ICollection<WireWarning>? warnings = null) =>
        KiwoomApis.Find(apiId) is { } api
            ? DecodeAs(utf8, api.ResponseType, api.Id, warnings)
            : new KiwoomError(KiwoomErrorKind.Protocol, -1, null, $"{apiId}: no such api-id in the registry.");

    /// <summary>
    /// Serializes a request body exactly as its TR expects it (wire names, strings, null fields
    /// omitted). Uses the runtime type, so a request held as an interface still writes its own fields.
    /// </summary>
    public static byte[] Encode(IKiwoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.SerializeToUtf8Bytes(request, Options.GetTypeInfo(request.GetType()));
    }

    private static KiwoomResult<KiwoomResponse> DecodeAs(ReadOnlySpan<byte> utf8, Type responseType, string apiId, ICollection<WireWarning>? warnings)
    {
        var repaired = false;
        if (!Utf8.IsValid(utf8))
        {
            // One bad byte in a name must not lose the whole answer: decode a copy with the invalid
            // sequences replaced by U+FFFD and say so.
            utf8 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8));
            repaired = true;
        }

        KiwoomResponse? value;
        try
        {
            value = (KiwoomResponse?)JsonSerializer.Deserialize(utf8, Options.GetTypeInfo(responseType));
        }
        catch (JsonException ex)
        {
            return new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is not a valid response ({ex.Message}).");
        }

        if (value is null)
        {
            return new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is JSON null.");
        }

        if (warnings is not null)
        {
            if (repaired)
            {
                warnings.Add(new WireWarning(apiId, "*", "(invalid bytes replaced by U+FFFD)", "a UTF-8 body"));
            }

            if (value is IWireChecked checkable)
            {
                var collector = new WireWarningCollector(apiId, warnings);
                checkable.CheckWire(collector);
                collector.Complete();
            }
        }

        return KiwoomResult<KiwoomResponse>.Success(value);
    }

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
