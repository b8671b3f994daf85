using Dashboard.Kiwoom;

namespace Dashboard.Web.Orders;

/// <summary>What the pre-trade checks look at; <paramref name="Price"/> is null for unpriced types (market …).</summary>
/// <param name="ReducesRisk">A cancel: allowed even while halted and never throttled.</param>
public sealed record PreTradeOrder(KiwoomEnvironment Environment, long Quantity, long? Price, long LastPrice, bool ReducesRisk = false);
