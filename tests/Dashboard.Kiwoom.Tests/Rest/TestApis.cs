using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Tests.Rest;

// Small request/response types for the send path, independent of the generated registry.

internal static class TestApis
{
    public static readonly KiwoomApiDescriptor Quote = new(
        "ka10001", "주식기본정보요청", "Stock basic info", "/api/dostk/stkinfo", ApiKind.Query, RetrySafe: true, RateLimitGroup.Query,
        Paginated: false, MockSupported: true, typeof(TestQuoteRequest), typeof(TestQuoteResponse));

    public static readonly KiwoomApiDescriptor Buy = new(
        "kt10000", "주식 매수주문", "Buy order", "/api/dostk/ordr", ApiKind.Order, RetrySafe: false, RateLimitGroup.Order,
        Paginated: false, MockSupported: true, typeof(TestBuyRequest), typeof(TestBuyResponse));
}

internal sealed record TestQuoteRequest([property: JsonPropertyName("stk_cd")] string StockCode) : IKiwoomRequest<TestQuoteResponse>
{
    [JsonIgnore]
    public KiwoomApiDescriptor Api => TestApis.Quote;
}

internal sealed record TestQuoteResponse : KiwoomResponse
{
    [JsonPropertyName("stk_cd")]
    public string? StockCode { get; init; }

    [JsonPropertyName("cur_prc")]
    public string? CurrentPrice { get; init; }
}

internal sealed record TestBuyRequest(
    [property: JsonPropertyName("dmst_stex_tp")] string Exchange,
    [property: JsonPropertyName("stk_cd")] string StockCode,
    [property: JsonPropertyName("ord_qty")] string Quantity,
    [property: JsonPropertyName("ord_uv")] string Price,
    [property: JsonPropertyName("trde_tp")] string TradeType) : IKiwoomRequest<TestBuyResponse>
{
    [JsonIgnore]
    public KiwoomApiDescriptor Api => TestApis.Buy;
}

internal sealed record TestBuyResponse : KiwoomResponse
{
    [JsonPropertyName("ord_no")]
    public string? OrderNumber { get; init; }
}
