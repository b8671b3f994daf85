using System.Text.Json;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// The single decode entry point for REST bodies: the send path, the CLI's <c>decode</c> and the
/// tests all go through it, so odd values are reported the same way everywhere.
/// </summary>
public static class KiwoomJson
{
    /// <summary>Options for every Kiwoom body: relaxed escaping keeps Korean text readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Decodes a response body. Malformed input is a <see cref="KiwoomErrorKind.Decode"/> error,
    /// never an exception; values that do not fit their type are added to <paramref name="warnings"/>.
    /// </summary>
    public static KiwoomResult<T> Decode<T>(ReadOnlySpan<byte> utf8, string apiId, ICollection<WireWarning>? warnings = null)
        where T : KiwoomResponse
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, Options);
            return value is null
                ? new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is JSON null.")
                : KiwoomResult<T>.Success(value);
        }
        catch (JsonException ex)
        {
            return new KiwoomError(KiwoomErrorKind.Decode, -1, null, $"{apiId}: the body is not a valid response ({ex.Message}).");
        }
    }
}
