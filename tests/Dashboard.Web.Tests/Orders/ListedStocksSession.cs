using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker.Fakes;

namespace Dashboard.Web.Tests.Orders;

/// <summary>A live session whose stock listing (ka10099, what the symbol search reads) holds the given stocks.</summary>
internal sealed class ListedStocksSession(params StockListing[] listing) : IBrokerSession
{
    private readonly FakeBrokerSession inner = new();
    private readonly StockListing[] stocks = listing;

    public int Searches;

    public string KeyId => inner.KeyId;

    public KiwoomEnvironment Environment => inner.Environment;

    public BrokerStatus Status => inner.Status;

    public event Action<BrokerStatus>? StatusChanged
    {
        add => inner.StatusChanged += value;
        remove => inner.StatusChanged -= value;
    }

    public IMarketQueries Market => new Listing(this);

    public IBrokerQueries Queries => inner.Queries;

    public IMarketFeeds Feeds => inner.Feeds;

    public Task<BrokerStatus> ConnectAsync(CancellationToken ct = default) => inner.ConnectAsync(ct);

    private sealed class Listing(ListedStocksSession session) : IMarketQueries
    {
        public Task<KiwoomResult<IReadOnlyList<Quote>>> GetQuotesAsync(IReadOnlyList<string> codes, CancellationToken ct = default) =>
            session.inner.Market.GetQuotesAsync(codes, ct);

        public Task<KiwoomResult<IndexQuote>> GetIndexAsync(string code, CancellationToken ct = default) => session.inner.Market.GetIndexAsync(code, ct);

        public Task<KiwoomResult<StockBasics>> GetBasicsAsync(string code, CancellationToken ct = default) => session.inner.Market.GetBasicsAsync(code, ct);

        public Task<KiwoomResult<IReadOnlyList<StockListing>>> SearchAsync(string text, int max, CancellationToken ct = default)
        {
            Interlocked.Increment(ref session.Searches);
            return Task.FromResult(KiwoomResult<IReadOnlyList<StockListing>>.Success(
                [.. session.stocks.Where(s => s.Code.StartsWith(text, StringComparison.Ordinal) || s.Name.Contains(text, StringComparison.Ordinal)).Take(max)]));
        }
    }
}
