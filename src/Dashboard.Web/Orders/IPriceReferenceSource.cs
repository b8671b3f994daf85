using Dashboard.Web.Broker;

namespace Dashboard.Web.Orders;

/// <summary>
/// Reads the previous close, last trade and step table of an instrument through the member's own session
/// (the order channel's queries for the service, the page's session for the ticket: the same answer both ways).
/// </summary>
public interface IPriceReferenceSource
{
    /// <summary>Null when the broker could not answer; priced orders are then refused, not guessed.</summary>
    Task<PriceReference?> GetAsync(IBrokerQueries queries, OrderProduct product, string code, CancellationToken ct = default);
}
