using System.Collections.Concurrent;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>Previous close and last price per code, as the test sets them.</summary>
internal sealed class FakePriceReferences : IPriceReferenceSource
{
    public readonly ConcurrentDictionary<string, PriceReference> Prices = new(StringComparer.Ordinal);
    public int Reads;

    public Task<PriceReference?> GetAsync(IBrokerQueries queries, OrderProduct product, string code, CancellationToken ct = default)
    {
        Interlocked.Increment(ref Reads);
        return Task.FromResult(Prices.TryGetValue(code, out var p) ? p : null);
    }
}
