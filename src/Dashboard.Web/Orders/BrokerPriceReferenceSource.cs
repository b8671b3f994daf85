using System.Collections.Concurrent;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Orders;

/// <summary>
/// Stocks from ka10001 (base price = previous close) with the step table from ka10100's market code
/// (ETF/ETN/ELW trade on 5-won steps); KRX gold from ka50100.
/// </summary>
internal sealed class BrokerPriceReferenceSource(TimeProvider time) : IPriceReferenceSource
{
    // What a listing is does not change during a day; asking once per code keeps each order at one extra query at most.
    private readonly ConcurrentDictionary<string, KrxTickTable> tables = new(StringComparer.Ordinal);

    public async Task<PriceReference?> GetAsync(IBrokerQueries queries, OrderProduct product, string code, CancellationToken ct = default)
    {
        if (product == OrderProduct.Gold)
        {
            var gold = await queries.QueryAsync(new Ka50100Request { StockCode = code }, ct);
            if (!gold.IsSuccess || gold.Value.PredClosePric.Value is not { } close || close <= 0)
            {
                return null;
            }

            return new PriceReference(close, close + (gold.Value.Change.Value ?? 0), KrxTickTable.Gold);
        }

        var answer = await queries.QueryAsync(new Ka10001Request { StockCode = code }, ct);
        if (!answer.IsSuccess || MarketMapping.ToBasics(answer.Value, time.GetUtcNow()) is not { } basics)
        {
            return null;
        }

        var previousClose = basics.BasePrice ?? basics.Price - basics.Change;
        if (previousClose <= 0)
        {
            return null;
        }

        // Without the listing's table an ETF price could be judged on the share table: refuse rather than guess.
        return await TableAsync(queries, code, ct) is { } table ? new PriceReference(previousClose, basics.Price, table) : null;
    }

    private async Task<KrxTickTable?> TableAsync(IBrokerQueries queries, string code, CancellationToken ct)
    {
        if (tables.TryGetValue(code, out var known))
        {
            return known;
        }

        var listing = await queries.QueryAsync(new Ka10100Request { StockCode = code }, ct);
        if (!listing.IsSuccess)
        {
            return null;
        }

        var table = KrxTickSize.ForMarketCode(listing.Value.MarketCode);
        tables[code] = table;
        return table;
    }
}
