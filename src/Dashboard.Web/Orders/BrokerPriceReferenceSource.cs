using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Orders;

/// <summary>Stocks from ka10001 (base price = previous close), KRX gold from ka50100.</summary>
internal sealed class BrokerPriceReferenceSource(TimeProvider time) : IPriceReferenceSource
{
    public async Task<PriceReference?> GetAsync(IOrderChannel channel, OrderProduct product, string code, CancellationToken ct = default)
    {
        if (product == OrderProduct.Gold)
        {
            var gold = await channel.Queries.QueryAsync(new Ka50100Request { StockCode = code }, ct);
            if (!gold.IsSuccess || gold.Value.PredClosePric.Value is not { } close || close <= 0)
            {
                return null;
            }

            return new PriceReference(close, close + (gold.Value.Change.Value ?? 0));
        }

        var answer = await channel.Queries.QueryAsync(new Ka10001Request { StockCode = code }, ct);
        if (!answer.IsSuccess || MarketMapping.ToBasics(answer.Value, time.GetUtcNow()) is not { } basics)
        {
            return null;
        }

        var previousClose = basics.BasePrice ?? basics.Price - basics.Change;
        return previousClose > 0 ? new PriceReference(previousClose, basics.Price) : null;
    }
}
