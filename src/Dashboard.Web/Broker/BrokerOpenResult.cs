namespace Dashboard.Web.Broker;

/// <summary>A lease on a session, or why none could be had.</summary>
/// <param name="Failure">NoConnection, NeedsReentry, or Failed (with <paramref name="Message"/>) when the key is another member's.</param>
public sealed record BrokerOpenResult(BrokerLease? Lease, BrokerLinkState Failure, string? Message = null);
