using System.Collections.Frozen;

namespace Dashboard.Kiwoom.Errors;

/// <summary>
/// Every detailed code of Kiwoom's common error table (PROTOCOL.md 5, 37 codes) plus the codes seen
/// in live answers but absent from the table (1634 and the order-business codes inside <c>[2000](…)</c>).
/// </summary>
public static class KiwoomErrorCodes
{
    /// <summary>The 37 codes of the published table, in table order.</summary>
    public static IReadOnlyList<KiwoomErrorCode> Table { get; } =
    [
        new("1501", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "api-id header missing or empty"),
        new("1504", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "api-id not served at this path"),
        new("1505", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "unknown api-id"),
        new("1511", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "required input missing"),
        new("1512", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "HTTP header missing or unreadable"),
        new("1513", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "authorization header required"),
        new("1514", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "malformed authorization header"),
        new("1515", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "authorization grant type is not Bearer"),
        new("1516", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "no token in the authorization header"),
        new("1517", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "input value format invalid"),
        new("1687", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "recursive call detected, call restricted"),
        new("1700", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited, "per-API request rate exceeded"),
        new("1701", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited, "total request rate exceeded"),
        new("1702", KiwoomErrorKind.RateLimited, KiwoomErrorAdvice.RateLimited, "group request rate exceeded"),
        new("1901", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "market code does not exist"),
        new("1902", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "no such stock"),
        new("1903", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "no such stock on that exchange"),
        new("1999", KiwoomErrorKind.Server, KiwoomErrorAdvice.None, "unexpected server error"),
        new("8001", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey, "app key / secret key verification failed"),
        new("8002", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey, "app key / secret key verification failed (with reason)"),
        new("8003", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater, "access token lookup failed"),
        new("8005", KiwoomErrorKind.TokenExpired, KiwoomErrorAdvice.TokenExpired, "token invalid (expired, unknown or revoked)"),
        new("8006", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater, "access token creation failed"),
        new("8009", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater, "access token issuance failed"),
        new("8010", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp, "request IP differs from the token-issuing IP"),
        new("8011", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "grant_type missing"),
        new("8012", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "grant_type value wrong"),
        new("8015", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RetryLater, "token revoke failed"),
        new("8016", KiwoomErrorKind.Protocol, KiwoomErrorAdvice.ClientBug, "revoke: token missing"),
        new("8020", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.WrongKey, "appkey or secretkey missing"),
        new("8030", KiwoomErrorKind.EnvironmentMismatch, KiwoomErrorAdvice.EnvironmentMismatch, "app key belongs to the other environment (real/mock)"),
        new("8031", KiwoomErrorKind.EnvironmentMismatch, KiwoomErrorAdvice.EnvironmentMismatch, "token belongs to the other environment (real/mock)"),
        new("8040", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp, "terminal (IP/device) authentication failed"),
        new("8050", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp, "designated-terminal authentication failed"),
        new("8103", KiwoomErrorKind.Authentication, KiwoomErrorAdvice.RegisterServerIp, "token or terminal authentication failed"),
        new("8104", KiwoomErrorKind.NotSupported, KiwoomErrorAdvice.NotSupportedInMock, "API not supported in mock investing"),
        new("8200", KiwoomErrorKind.NotSupported, KiwoomErrorAdvice.NotSupportedForCorporate, "API not available to corporate customers"),
    ];

    /// <summary>Codes seen in live answers that the published table lacks.</summary>
    public static IReadOnlyList<KiwoomErrorCode> Observed { get; } =
    [
        // 1634 arrives with return_code 5 like a rate limit, but it is a permanent batch-size error.
        new("1634", KiwoomErrorKind.InvalidRequest, KiwoomErrorAdvice.CheckInput, "too many items in one batch request (over 100)"),
        new("RC4058", KiwoomErrorKind.Rejected, KiwoomErrorAdvice.MarketClosed, "mock market closed"),
        new("RC9000", KiwoomErrorKind.NotSupported, KiwoomErrorAdvice.NotSupportedInMock, "business not provided in mock investing"),
        new("855056", KiwoomErrorKind.Rejected, KiwoomErrorAdvice.OrderRejected, "insufficient buy margin"),
        new("800033", KiwoomErrorKind.Rejected, KiwoomErrorAdvice.OrderRejected, "insufficient sellable quantity"),
    ];

    private static readonly FrozenDictionary<string, KiwoomErrorCode> ByCode =
        Table.Concat(Observed).ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The known code, or null for a code neither the table nor observation lists.</summary>
    public static KiwoomErrorCode? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
