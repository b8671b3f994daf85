using System.Collections.Concurrent;

namespace Dashboard.Web.Orders;

/// <summary>In-process, per-member fan-out of order updates to the member's open pages (blotter, ticket).</summary>
public sealed class OrderEvents
{
    public const int Capacity = 1000;

    private readonly ConcurrentDictionary<string, OrderSubscription[]> byMember = new(StringComparer.Ordinal);

    public OrderSubscription Subscribe(string memberId)
    {
        var subscription = new OrderSubscription(memberId, Remove);
        byMember.AddOrUpdate(memberId, _ => [subscription], (_, list) => [.. list, subscription]);
        return subscription;
    }

    public void Publish(string memberId, OrderUpdate update)
    {
        if (byMember.TryGetValue(memberId, out var list))
        {
            foreach (var subscription in list)
            {
                subscription.Offer(update);
            }
        }
    }

    private void Remove(OrderSubscription subscription) =>
        byMember.AddOrUpdate(subscription.MemberId, _ => [], (_, list) => [.. list.Where(s => s != subscription)]);
}
