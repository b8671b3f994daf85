using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>An <see cref="IOrderService"/> for component tests: records calls, answers as told, and streams updates through the real fan-out.</summary>
internal sealed class FakeOrderService : IOrderService
{
    public readonly ConcurrentQueue<OrderTicket> Placed = new();
    public readonly ConcurrentQueue<ModifyTicket> Modified = new();
    public readonly ConcurrentQueue<CancelTicket> Cancelled = new();

    public OrderEvents Events { get; } = new();

    public List<OrderView> Existing { get; } = [];

    public Func<OrderTicket, OrderResult>? Answer { get; set; }

    public Task<OrderResult> PlaceOrderAsync(ClaimsPrincipal member, OrderTicket ticket, CancellationToken ct = default)
    {
        Placed.Enqueue(ticket);
        return Task.FromResult(Answer?.Invoke(ticket) ?? new OrderResult(ticket.IntentId, OrderOutcome.Accepted, View(ticket.IntentId, "005930", OrderState.Accepted, "0000123"), []));
    }

    public Task<OrderResult> ModifyOrderAsync(ClaimsPrincipal member, ModifyTicket ticket, CancellationToken ct = default)
    {
        Modified.Enqueue(ticket);
        return Task.FromResult(new OrderResult(ticket.IntentId, OrderOutcome.Accepted, null, []));
    }

    /// <summary>The outcome of each cancel (default: accepted).</summary>
    public OrderOutcome CancelOutcome { get; set; } = OrderOutcome.Accepted;

    public Task<OrderResult> CancelOrderAsync(ClaimsPrincipal member, CancelTicket ticket, CancellationToken ct = default)
    {
        Cancelled.Enqueue(ticket);
        return Task.FromResult(new OrderResult(ticket.IntentId, CancelOutcome, null, []));
    }

    public Task<IReadOnlyList<OrderView>> ListOrdersAsync(ClaimsPrincipal member, DateTimeOffset since, int max = 200, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OrderView>>([.. Existing]);

    public OrderSubscription Subscribe(ClaimsPrincipal member) => Events.Subscribe(OrdersTestContext.MemberId);

    public static OrderView View(Guid id, string code, OrderState state, string? number, long quantity = 10, long open = 10, long filled = 0, DateTimeOffset? at = null) =>
        new(id, OrderAction.Place, null, Dashboard.Kiwoom.KiwoomEnvironment.Simulator, OrderProduct.Stock, code, OrderSide.Buy, quantity, 70_000, "0", null,
            state, number, filled, filled * 70_000, open, null, at ?? new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero), at ?? new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
}
