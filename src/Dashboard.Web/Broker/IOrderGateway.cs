namespace Dashboard.Web.Broker;

/// <summary>
/// The broker side of the order service, and the only way an order TR reaches Kiwoom from the web
/// app. Registered for the order service alone; pages never inject it.
/// </summary>
public interface IOrderGateway
{
    /// <summary>
    /// Opens (or joins) the session of <paramref name="ownerId"/>'s connection <paramref name="connectionId"/>
    /// and keeps it alive, with no page open, until the channel is disposed: hold one while the member has
    /// open orders or unresolved outcomes so their fills are still received.
    /// </summary>
    Task<OrderChannelResult> OpenAsync(string ownerId, Guid connectionId, CancellationToken ct = default);
}
