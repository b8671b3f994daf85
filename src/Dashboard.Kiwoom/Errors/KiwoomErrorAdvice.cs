namespace Dashboard.Kiwoom.Errors;

/// <summary>
/// What a member can do about a broker error. The UI localizes these; the library only classifies.
/// </summary>
public enum KiwoomErrorAdvice
{
    /// <summary>Nothing specific to suggest; show the server's message.</summary>
    None,

    /// <summary>An input value is missing or wrong (1511, 1517, 1901-1903, 1634).</summary>
    CheckInput,

    /// <summary>Headers, api-id or grant type were wrong: a defect in this software, not the member's doing.</summary>
    ClientBug,

    /// <summary>The app key or secret key is wrong or missing (8001, 8002, 8020).</summary>
    WrongKey,

    /// <summary>The token expired or was revoked (8005); it is re-issued automatically once.</summary>
    TokenExpired,

    /// <summary>This server's public IP is not registered for the key, or it changed (8010, 8040, 8050, 8103).</summary>
    RegisterServerIp,

    /// <summary>A production key used against the mock host or the other way round (8030, 8031).</summary>
    EnvironmentMismatch,

    /// <summary>Too many requests (1700-1702, HTTP 429); wait a moment.</summary>
    RateLimited,

    /// <summary>Kiwoom mock investing does not offer this API or business (8104, RC9000).</summary>
    NotSupportedInMock,

    /// <summary>The API is not offered to corporate customers (8200).</summary>
    NotSupportedForCorporate,

    /// <summary>The market (or mock market) is closed for this order (RC4058).</summary>
    MarketClosed,

    /// <summary>The broker rejected the order (margin, sellable quantity, price …).</summary>
    OrderRejected,

    /// <summary>The broker could not issue or revoke a token right now (8003, 8006, 8009, 8015); try again later.</summary>
    RetryLater,

    /// <summary>An order may or may not have reached the exchange: check open orders before sending again.</summary>
    CheckOrderStatus,
}
