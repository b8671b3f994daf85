using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.ScaleOut;

/// <summary>What a non-holder asks the holder of a key to do.</summary>
internal enum RoutedKind
{
    /// <summary>A query TR (typed or raw): the holder refuses order, token and condition TRs as a local session does.</summary>
    Query,

    /// <summary>An order TR: sent at most once, whatever is delivered twice.</summary>
    Order,

    /// <summary>The asker gave up on a query (its page went away): the holder cancels it.</summary>
    Cancel,
}

/// <summary>How the holder answered.</summary>
internal enum RoutedStatus
{
    /// <summary>Kiwoom answered (the raw answer, with any broker error beside the body).</summary>
    Answered,

    /// <summary>No answer from Kiwoom (transport, token): <see cref="RoutedAnswer.Error"/>, as the REST client returned it.</summary>
    Failed,

    /// <summary>The holder did not send it (stopping, or an order already sent under this id): <see cref="RoutedAnswer.Error"/> says why.</summary>
    NotSent,
}

/// <summary>
/// One request from a non-holder to the holder of its key: the TR and its body exactly as the local REST client
/// would send them, where to reply, and how long the asker still waits. Never carries the credential: the holder uses
/// its own (its token, its one rate budget).
/// </summary>
/// <param name="WaitMs">
/// How long the asker still waits for the answer, counted from when it published the request. A duration, never a
/// time of day: the holder counts it on its own clock from when it reads the request, so the two machines' clocks are
/// never compared (a skewed clock would drop a request early or keep it waiting after its asker gave up).
/// </param>
internal sealed record RoutedRequest(
    Guid Id,
    RoutedKind Kind,
    string ApiId,
    byte[] Body,
    string? NextKey,
    string ReplyTo,
    long WaitMs);

/// <summary>The holder's reply: the raw answer as <see cref="KiwoomRawResponse"/> carries it, or an error.</summary>
internal sealed record RoutedAnswer(
    Guid Id,
    RoutedStatus Status,
    int HttpStatus,
    string? ApiId,
    string? NextKey,
    long? RetryAfterMs,
    byte[] Body,
    KiwoomError? Error)
{
    public static RoutedAnswer From(Guid id, KiwoomResult<KiwoomRawResponse> result) =>
        result.IsSuccess
            ? new RoutedAnswer(
                id, RoutedStatus.Answered, result.Value.StatusCode, result.Value.ApiId, result.Value.Next?.NextKey,
                result.Value.RetryAfter is { } pause ? (long)pause.TotalMilliseconds : null, result.Value.Body.ToArray(), result.Value.Error)
            : new RoutedAnswer(id, RoutedStatus.Failed, 0, null, null, null, [], result.Error);

    public static RoutedAnswer NotSent(Guid id, KiwoomError why) => new(id, RoutedStatus.NotSent, 0, null, null, null, [], why);

    /// <summary>Back to what the local REST client would have returned.</summary>
    public KiwoomResult<KiwoomRawResponse> ToResult() =>
        Status == RoutedStatus.Answered
            ? KiwoomResult<KiwoomRawResponse>.Success(new KiwoomRawResponse(
                HttpStatus, ApiId, NextKey is null ? null : new KiwoomContinuation(NextKey),
                RetryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Body, Error))
            : KiwoomResult<KiwoomRawResponse>.Failure(Error ?? new KiwoomError(KiwoomErrorKind.Server, -1, null, "The holder answered without saying why."));
}

[JsonSerializable(typeof(RoutedRequest))]
[JsonSerializable(typeof(RoutedAnswer))]
internal sealed partial class RoutedJson : JsonSerializerContext;

/// <summary>
/// Requests and answers cross Redis protected by the shared key ring: bodies and answers may carry account
/// numbers and balances (kt00018, orders), and authenticated encryption means only an instance of this dashboard
/// can ask a holder to send anything.
/// </summary>
internal static class RoutedMessages
{
    public static byte[] Write(RoutedRequest request, IDataProtector protector) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(request, RoutedJson.Default.RoutedRequest));

    public static byte[] Write(RoutedAnswer answer, IDataProtector protector) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(answer, RoutedJson.Default.RoutedAnswer));

    public static RoutedRequest? ReadRequest(byte[] message, IDataProtector protector) =>
        TryUnprotect(message, protector) is { } json ? Deserialize(json, RoutedJson.Default.RoutedRequest) : null;

    public static RoutedAnswer? ReadAnswer(byte[] message, IDataProtector protector) =>
        TryUnprotect(message, protector) is { } json ? Deserialize(json, RoutedJson.Default.RoutedAnswer) : null;

    private static byte[]? TryUnprotect(byte[] message, IDataProtector protector)
    {
        try
        {
            return protector.Unprotect(message);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Another key ring, or tampered with: not ours to act on.
            return null;
        }
    }

    private static T? Deserialize<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
