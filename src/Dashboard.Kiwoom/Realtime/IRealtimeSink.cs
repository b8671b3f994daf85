namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// A subscriber that receives events straight from the client's receive loop, with no queue of the
/// client's own in between: the subscriber decides how to buffer (conflate, bound, drop or disconnect).
/// </summary>
public interface IRealtimeSink
{
    /// <summary>One event of a registration this sink subscribed to. Runs on the receive loop: must not block or throw.</summary>
    void Deliver(RealtimeEvent e);

    /// <summary>The subscription ended (unsubscribed, refused, or the client was disposed).</summary>
    void Complete();
}
