namespace Dashboard.Kiwoom;

/// <summary>What a TR does; decides retry safety and the rate-limit group.</summary>
public enum ApiKind
{
    Auth,
    Query,
    Order,
    Realtime,
}

/// <summary>Token-bucket groups per app key (defaults: queries 5/s, orders 5/s).</summary>
public enum RateLimitGroup
{
    Auth,
    Query,
    Order,
}
