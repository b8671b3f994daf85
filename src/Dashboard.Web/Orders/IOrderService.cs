using System.Security.Claims;

namespace Dashboard.Web.Orders;

/// <summary>
/// The one way orders are placed, changed and cancelled. Every call runs the same pipeline: authorize,
/// validate, pre-trade checks, audit the intent, call the broker once, audit the outcome, publish it.
/// A member only ever sees and touches their own orders (SEC-13).
/// </summary>
public interface IOrderService
{
    Task<OrderResult> PlaceOrderAsync(ClaimsPrincipal member, OrderTicket ticket, CancellationToken ct = default);

    Task<OrderResult> ModifyOrderAsync(ClaimsPrincipal member, ModifyTicket ticket, CancellationToken ct = default);

    Task<OrderResult> CancelOrderAsync(ClaimsPrincipal member, CancelTicket ticket, CancellationToken ct = default);

    /// <summary>The member's own orders since <paramref name="since"/>, newest first (at most <paramref name="max"/>).</summary>
    Task<IReadOnlyList<OrderView>> ListOrdersAsync(ClaimsPrincipal member, DateTimeOffset since, int max = 200, CancellationToken ct = default);

    /// <summary>Live changes of the member's own orders; dispose to stop.</summary>
    OrderSubscription Subscribe(ClaimsPrincipal member);
}
