namespace Dashboard.Kiwoom;

/// <summary>
/// Registry entry of one TR, generated from the catalog and the overlay.
/// </summary>
/// <param name="Id">The api-id header value, e.g. "ka10001".</param>
/// <param name="Path">REST path, e.g. "/api/dostk/stkinfo".</param>
/// <param name="RetrySafe">False for every order TR: an order is never re-sent automatically.</param>
public sealed record KiwoomApiDescriptor(
    string Id,
    string NameKo,
    string NameEn,
    string Path,
    ApiKind Kind,
    bool RetrySafe,
    RateLimitGroup RateGroup,
    bool Paginated,
    bool MockSupported,
    Type RequestType,
    Type ResponseType);
