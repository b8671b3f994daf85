namespace Dashboard.Web.Broker;

/// <summary>
/// Ends a lossless feed whose reader fell <see cref="BrokerOptions.LosslessQueueCapacity"/> events behind:
/// rather than drop a fill or stall the member's other tabs, this subscriber is disconnected and must
/// reload its snapshot and subscribe again.
/// </summary>
public sealed class FeedOverrunException(string type, int capacity)
    : Exception($"The {type} feed fell {capacity} events behind and was disconnected; reload to catch up.")
{
    public string Type { get; } = type;
}
