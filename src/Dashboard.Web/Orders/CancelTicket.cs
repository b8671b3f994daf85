namespace Dashboard.Web.Orders;

/// <summary>A cancel of an open order the member placed here.</summary>
/// <param name="IntentId">This cancel's own intent id (one broker call per id).</param>
/// <param name="OrderIntentId">The intent of the order being cancelled.</param>
/// <param name="Quantity">Shares to cancel; 0 = all that is still open.</param>
public sealed record CancelTicket(Guid IntentId, Guid OrderIntentId, long Quantity = 0);
