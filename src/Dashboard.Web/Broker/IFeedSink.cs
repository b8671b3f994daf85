using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>A subscriber's end of a session's upstream registration.</summary>
internal interface IFeedSink
{
    /// <summary>Hands one event over; a lossless sink may wait here (backpressure), a conflating one never does.</summary>
    ValueTask DeliverAsync(RealtimeEvent e, CancellationToken ct);

    /// <summary>Offers a REST snapshot (after a reconnect); sinks of another value type ignore it.</summary>
    void Offer(ILiveValue snapshot);

    /// <summary>The session is closing: readers see the end of the feed.</summary>
    void Complete();
}
