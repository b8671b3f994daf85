namespace Dashboard.Web.Broker;

/// <summary>A channel to a member's session, or why none could be had.</summary>
/// <param name="Failure">NoConnection, NeedsReentry, or Failed (with <paramref name="Message"/>) when <paramref name="Channel"/> is null.</param>
/// <param name="Message">A plain sentence for the member when the open was refused.</param>
public sealed record OrderChannelResult(IOrderChannel? Channel, BrokerLinkState Failure, string? Message = null);
