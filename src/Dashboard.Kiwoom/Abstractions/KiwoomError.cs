namespace Dashboard.Kiwoom;

/// <summary>Broad class of a broker failure, for deciding what to do about it.</summary>
public enum KiwoomErrorKind
{
    /// <summary>Bad input: missing/invalid field, unknown stock (1511, 1517, 1901-1903 …).</summary>
    InvalidRequest,

    /// <summary>Header or api-id problems (1501-1516): a bug in the caller.</summary>
    Protocol,

    /// <summary>Key, token or terminal authentication failed (8001-8103).</summary>
    Authentication,

    /// <summary>The token expired or was revoked (8005): re-issue once.</summary>
    TokenExpired,

    /// <summary>1700/1701/1702 or HTTP 429: slow down; the request was not processed.</summary>
    RateLimited,

    /// <summary>Order or business rejection (return_code 20, [2000](…)).</summary>
    Rejected,

    /// <summary>The app key or token belongs to the other environment (8030/8031).</summary>
    EnvironmentMismatch,

    /// <summary>The API is not available here (8104 mock, 8200 corporate).</summary>
    NotSupported,

    /// <summary>Network failure, timeout, 5xx: the outcome of an order is unknown.</summary>
    Transport,

    /// <summary>The answer could not be decoded.</summary>
    Decode,

    /// <summary>Anything else the server reported (1999 …).</summary>
    Server,
}

/// <summary>
/// A typed broker error: the top-level <c>return_code</c>, the detailed code parsed out of
/// <c>return_msg</c> (e.g. 8005 from "…[8005:Token이 유효하지 않습니다]"), and whether waiting
/// and trying again can help.
/// </summary>
/// <param name="ReturnCode">Top-level return_code (2, 3, 5, 7, 20 …); -1 for transport failures.</param>
/// <param name="DetailCode">Code inside return_msg ("8005", "1700", "RC4058", "855056"), or null.</param>
/// <param name="Message">The server's message or a description of the transport failure.</param>
/// <param name="HttpStatus">HTTP status when there was a response.</param>
public sealed record KiwoomError(
    KiwoomErrorKind Kind,
    int ReturnCode,
    string? DetailCode,
    string Message,
    int? HttpStatus = null)
{
    /// <summary>True when the same request may succeed later (rate limit, transport, 5xx).</summary>
    public bool IsTransient => Kind is KiwoomErrorKind.RateLimited or KiwoomErrorKind.Transport
        || HttpStatus is >= 500;

    /// <summary>For orders: true when the request may or may not have reached the exchange.</summary>
    public bool IsOutcomeUnknown => Kind == KiwoomErrorKind.Transport || HttpStatus is >= 500;

    public override string ToString() => DetailCode is null
        ? $"{Kind} ({ReturnCode}): {Message}"
        : $"{Kind} ({ReturnCode}/{DetailCode}): {Message}";
}
