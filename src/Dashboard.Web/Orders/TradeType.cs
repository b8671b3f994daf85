namespace Dashboard.Web.Orders;

/// <summary>
/// One <c>trde_tp</c> code of the order TRs (PROTOCOL.md 3.7) and the fields it needs.
/// </summary>
/// <param name="Code">The wire code, e.g. "0" limit, "3" market, "28" stop-limit.</param>
/// <param name="NeedsPrice">The order carries its own price (<c>ord_uv</c>); otherwise the field is sent empty.</param>
/// <param name="NeedsConditionPrice">Stop-limit: the trigger price (<c>cond_uv</c>) is required too.</param>
/// <param name="ResourceKey">Key of the type's name in OrdersText.</param>
public sealed record TradeType(string Code, bool NeedsPrice, bool NeedsConditionPrice, string ResourceKey);
