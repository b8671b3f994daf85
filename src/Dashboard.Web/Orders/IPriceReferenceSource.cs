using Dashboard.Web.Broker;

namespace Dashboard.Web.Orders;

/// <summary>Reads the previous close and last trade of an instrument through the member's own channel.</summary>
public interface IPriceReferenceSource
{
    /// <summary>Null when the broker could not answer; priced orders are then refused, not guessed.</summary>
    Task<PriceReference?> GetAsync(IOrderChannel channel, OrderProduct product, string code, CancellationToken ct = default);
}
