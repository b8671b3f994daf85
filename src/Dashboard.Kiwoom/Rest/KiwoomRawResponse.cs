namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// An answer as received, for the API explorer and the CLI: status, continuation headers and the
/// body bytes. <see cref="Error"/> is the broker error the envelope carries (null on success).
/// </summary>
public sealed record KiwoomRawResponse(
    int StatusCode,
    string? ApiId,
    KiwoomContinuation? Next,
    TimeSpan? RetryAfter,
    ReadOnlyMemory<byte> Body,
    KiwoomError? Error)
{
    /// <summary>HTTP 2xx and <c>return_code</c> 0.</summary>
    public bool IsSuccess => Error is null;
}
