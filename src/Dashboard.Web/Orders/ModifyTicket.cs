namespace Dashboard.Web.Orders;

/// <summary>A change of price (and optionally quantity) of an open order the member placed here.</summary>
/// <param name="IntentId">This modification's own intent id (one broker call per id).</param>
/// <param name="OrderIntentId">The intent of the order being modified.</param>
/// <param name="Quantity">Shares to move to the new price; 0 = all that is still open.</param>
public sealed record ModifyTicket(Guid IntentId, Guid OrderIntentId, long Quantity, long Price, long? ConditionPrice = null);
