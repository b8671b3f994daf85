namespace Dashboard.Web.Broker;

/// <summary>A lease on a session, or why none could be had (<see cref="BrokerLinkState.NoConnection"/> or <see cref="BrokerLinkState.NeedsReentry"/>).</summary>
public sealed record BrokerOpenResult(BrokerLease? Lease, BrokerLinkState Failure);
