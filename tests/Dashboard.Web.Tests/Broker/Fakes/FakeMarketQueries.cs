using Dashboard.Kiwoom;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker.Fakes;

/// <summary>Snapshots from dictionaries the test fills; a code it did not fill is left out of the answer.</summary>
public sealed class FakeMarketQueries : IMarketQueries
{
    public Dictionary<string, Quote> Quotes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IndexQuote> Indices { get; } = new(StringComparer.Ordinal);

    public KiwoomError? Failure { get; set; }

    public Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default) =>
        Task.FromResult(Failure is { } failure
            ? KiwoomResult<IReadOnlyList<Quote>>.Failure(failure)
            : KiwoomResult<IReadOnlyList<Quote>>.Success([.. codes.Where(Quotes.ContainsKey).Select(c => Quotes[c])]));

    public Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default) =>
        Task.FromResult(Indices.TryGetValue(code, out var index)
            ? KiwoomResult<IndexQuote>.Success(index)
            : KiwoomResult<IndexQuote>.Failure(new KiwoomError(KiwoomErrorKind.InvalidRequest, 2, null, $"no index {code}")));

    public Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default) =>
        Task.FromResult(KiwoomResult<StockBasics>.Failure(new KiwoomError(KiwoomErrorKind.InvalidRequest, 2, null, $"no basics for {code}")));

    public Task<KiwoomResult<IReadOnlyList<StockListing>>> SearchAsync(string text, int max, CancellationToken ct = default) =>
        Task.FromResult(KiwoomResult<IReadOnlyList<StockListing>>.Success([]));
}
