using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 0C 주식우선호가: best ask and bid.</summary>
public readonly record struct BestQuote(string Item, SignedPrice? BestAsk, SignedPrice? BestBid, DateTimeOffset ReceivedAt)
{
    public static BestQuote? From(RealtimeEvent e) => e.Type == RealtimeTypes.BestQuote
        ? new BestQuote(e.Item, e.Values.GetPrice(RealtimeFid.BestAsk), e.Values.GetPrice(RealtimeFid.BestBid), e.ReceivedAt)
        : null;
}
